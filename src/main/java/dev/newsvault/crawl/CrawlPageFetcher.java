package dev.newsvault.crawl;

import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.Validators;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.url.WebURL;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * crawler4j's fetch step done by newsvault's {@link PageFetcher} (OkHttp): per-host politeness instead of
 * crawler4j's one global mutex, robots.txt per RFC 9309 with Crawl-delay, verified TLS unless
 * {@code tls.insecure=true}, redirects followed and recorded with loop detection, and bodies read only up to
 * {@code max.page.bytes} so nothing truncated is ever archived. A failure becomes a
 * {@link FetchFailedException} carrying the capture, so the crawler records the exact reason.
 *
 * <p>The Apache HTTP client that crawler4j's constructor builds trusts every certificate and skips host name
 * checks; it is shut down at once and never sends a request.
 */
final class CrawlPageFetcher extends edu.uci.ics.crawler4j.fetcher.PageFetcher {

  private final PageFetcher fetcher;
  private final BooleanSupplier stopping;
  private boolean shut;

  CrawlPageFetcher(CrawlConfig config, PageFetcher fetcher, BooleanSupplier stopping) {
    super(config);
    this.fetcher = fetcher;
    this.stopping = stopping;
    shutDown();
  }

  @Override
  public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException {
    String url = webUrl.getURL();
    if (stopping.getAsBoolean()) {
      throw new CrawlStoppedException(url);
    }
    Capture c;
    try {
      c = fetcher.fetch(url, Validators.NONE);
    } catch (InterruptedException e) {
      if (stopping.getAsBoolean()) {
        throw new CrawlStoppedException(url);
      }
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      c = Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.IO,
          "fetch of " + url + " failed unexpectedly: " + e));
    }
    if (!c.ok()) {
      throw new FetchFailedException(c);
    }
    return new CaptureFetchResult(c);
  }

  @Override
  public synchronized void shutDown() {
    if (!shut) {
      shut = true;
      super.shutDown();
    }
  }
}
