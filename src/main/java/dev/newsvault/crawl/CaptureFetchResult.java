package dev.newsvault.crawl;

import dev.newsvault.fetch.Capture;
import dev.newsvault.render.Rendering;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;

/**
 * A fetch already completed by newsvault's fetcher, handed to crawler4j. Its fetched URL is the URL asked
 * for, so crawler4j never drops a page whose redirect target it has seen (it does so silently); the capture
 * keeps the final URL, which the archive links to the original.
 */
final class CaptureFetchResult extends PageFetchResult {

  private final Capture capture;
  private final Rendering rendering;
  private final boolean forText;

  /** {@code rendering} is the page as the browser showed it, or null; {@code forText}: extract from it. */
  CaptureFetchResult(Capture capture, Rendering rendering, boolean forText) {
    this.capture = capture;
    this.rendering = rendering;
    this.forText = forText;
    setStatusCode(capture.status());
    setFetchedUrl(capture.url());
  }

  @Override
  public boolean fetchContent(Page page, int maxBytes) {
    // The body is complete and within max.page.bytes already; crawler4j would copy it and could truncate it.
    page.setContentData(capture.body());
    page.setContentType(capture.contentType());
    page.setParseData(new ParsedPage(capture, rendering, forText));
    return true;
  }

  @Override
  public void discardContentIfNotConsumed() {
    // nothing is held open
  }
}
