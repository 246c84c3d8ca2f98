package dev.newsvault.warc;

import dev.newsvault.config.Settings;
import dev.newsvault.extract.ExtractionRules;

/**
 * What an import takes from the configuration.
 *
 * @param minWords article.min.words: shorter texts are archived as pages, not articles, as in a crawl
 * @param maxPageBytes max.page.bytes: larger payloads are skipped
 * @param threads extraction threads (default: one per core)
 * @param window pages in flight between reading and storing
 * @param progressSeconds progress.interval.s: how often a progress line is printed
 */
public record ImportSettings(int minWords, long maxPageBytes, ExtractionRules rules, int threads, int window,
    int progressSeconds) {

  public static ImportSettings from(Settings s) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new ImportSettings(s.articleMinWords(), s.maxPageBytes(),
        ExtractionRules.fromProperties(s.group("extract.")), threads, threads * 8, s.progressIntervalSeconds());
  }
}
