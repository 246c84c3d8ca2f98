package dev.newsvault.schedule;

/**
 * Crawls one seed list into the archive, expanding its feed and sitemap seeds. It must stop promptly when
 * its thread is interrupted (the scheduler's shutdown) and record what it fetched so far.
 */
@FunctionalInterface
public interface CrawlJob {
  JobResult crawl(ScheduledList list) throws Exception;
}
