package dev.newsvault.crawl;

import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.Validators;
import dev.newsvault.render.RenderException;
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
 * {@link FetchFailedException} carrying the capture, so the crawler records the exact reason. Pages to be
 * rendered ({@link PageRendering}) are then loaded in the browser too; the raw capture is kept either way.
 *
 * <p>The Apache HTTP client that crawler4j's constructor builds trusts every certificate and skips host name
 * checks; it is shut down at once and never sends a request.
 */
final class CrawlPageFetcher extends edu.uci.ics.crawler4j.fetcher.PageFetcher {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrawlPageFetcher.class);

  private final PageFetcher fetcher;
  private final BooleanSupplier stopping;
  private final CrawlFrontier frontier;
  private final HostQueueing queueing;
  private final PageRendering rendering;
  private boolean shut;

  CrawlPageFetcher(CrawlConfig config, PageFetcher fetcher, BooleanSupplier stopping, CrawlFrontier frontier,
      HostQueueing queueing, PageRendering rendering) {
    super(config);
    this.rendering = rendering;
    this.queueing = queueing;
    this.fetcher = fetcher;
    this.stopping = stopping;
    this.frontier = frontier;
    shutDown();
  }

  @Override
  public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException {
    String url = webUrl.getURL();
    if (stopping.getAsBoolean()) {
      throw new CrawlStoppedException(url);
    }
    if (frontier.covered(url)) {
      throw new AlreadyFetchedException(url);
    }
    if (queueing.defer(url, UrlScope.host(url))) {
      throw new DeferredException(url);
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
    if (!c.finalUrl().equals(url)) {
      frontier.redirected(url, c.finalUrl());
    }
    if (!c.ok()) {
      throw new FetchFailedException(c);
    }
    CrawlFrontier.Origin origin = frontier.origin(url);
    PageRendering.Purpose purpose = rendering.purpose(url, origin == null ? null : origin.start());
    if (purpose == PageRendering.Purpose.NONE) {
      return new CaptureFetchResult(c, null, false);
    }
    return rendered(c, purpose);
  }

  /**
   * The capture with its rendering. A page rendered for its text that the browser cannot render is recorded
   * as {@code render_failed} (its raw bytes kept); one rendered only for the picture keeps its text.
   */
  private CaptureFetchResult rendered(Capture c, PageRendering.Purpose purpose) throws InterruptedException {
    boolean forText = purpose == PageRendering.Purpose.TEXT;
    try {
      return new CaptureFetchResult(c, rendering.render(c.finalUrl()), forText);
    } catch (RenderException e) {
      if (stopping.getAsBoolean()) {
        throw new CrawlStoppedException(c.url());
      }
      if (!forText) {
        LOG.warn("no screenshot of {}: {}", c.finalUrl(), e.getMessage());
        return new CaptureFetchResult(c, null, false);
      }
      throw new FetchFailedException(c.withFailure(FetchFailure.of(FetchFailure.Kind.RENDER_FAILED,
          "rendering " + c.finalUrl() + " in the browser failed: " + e.getMessage() + "; raw bytes kept, text not"
              + " archived")));
    } catch (RuntimeException e) {
      throw new FetchFailedException(c.withFailure(FetchFailure.of(FetchFailure.Kind.RENDER_FAILED,
          "rendering " + c.finalUrl() + " failed unexpectedly: " + e)));
    }
  }

  @Override
  public synchronized void shutDown() {
    if (!shut) {
      shut = true;
      super.shutDown();
    }
  }
}
