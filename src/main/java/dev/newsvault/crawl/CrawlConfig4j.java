package dev.newsvault.crawl;

import dev.newsvault.config.Settings;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import java.nio.file.Path;

/**
 * The crawler4j configuration newsvault runs with. Most of crawler4j's own behaviour is switched off because
 * newsvault does it better elsewhere: politeness (its delay is one global lock for all hosts; HostGate is
 * per host), depth and page limits (kept per start URL by the crawl), resumable mode (it loses URLs; the
 * archive's frontier is used), robots meta handling and binary content.
 */
record CrawlConfig4j(CrawlConfig config) {

  CrawlConfig4j(Settings s, Path storage) {
    this(new CrawlConfig());
    config.setCrawlStorageFolder(storage.toString());
    config.setResumableCrawling(false);
    config.setPolitenessDelay(0);
    config.setMaxDepthOfCrawling(-1);
    config.setMaxPagesToFetch(-1);
    config.setIncludeHttpsPages(true);
    config.setIncludeBinaryContentInCrawling(false);
    config.setProcessBinaryContentInCrawling(false);
    config.setFollowRedirects(false);
    config.setRespectNoFollow(false);
    config.setRespectNoIndex(false);
    config.setUserAgentString(s.userAgent());
    config.setMaxDownloadSize(s.maxPageBytes() >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s.maxPageBytes() + 1);
    config.setConnectionTimeout(s.connectTimeoutMs());
    config.setSocketTimeout(s.readTimeoutMs());
    config.setMaxOutgoingLinksToFollow(Links.MAX_LINKS);
    config.setOnlineTldListUpdate(false);
    // 0 is unsafe: monitoring 0 spins, cleanup 0 can close the frontier under a live cursor and hang start().
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(1);
    config.setCleanupDelaySeconds(1);
  }
}
