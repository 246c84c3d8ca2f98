package dev.newsvault.crawl;

import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.render.Rendering;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * A page as crawler4j carries it from the parser to {@code visit()}: the capture it was fetched as, its
 * rendering when it was loaded in the browser, the one
 * jsoup document that serves both link extraction and article extraction, and why it cannot be archived
 * (charset, parse) when that is the case.
 */
final class ParsedPage extends HtmlParseData {

  private final Capture capture;
  private final Rendering rendering;
  private final boolean renderedText;
  private Document document;
  private PageScan scan;
  private FetchFailure failure;

  ParsedPage(Capture capture, Rendering rendering, boolean renderedText) {
    this.capture = capture;
    this.rendering = rendering;
    this.renderedText = rendering != null && renderedText;
    setMetaTags(Map.of());
    setOutgoingUrls(Set.of());
  }

  Capture capture() {
    return capture;
  }

  /** The page as the browser showed it, or null when it was not rendered. */
  Rendering rendering() {
    return rendering;
  }

  /** Whether the document (links and article) is the rendered DOM rather than the raw response. */
  boolean renderedText() {
    return renderedText;
  }

  Document document() {
    return document;
  }

  FetchFailure failure() {
    return failure;
  }

  /** What the one walk of the document found (links, scripts, a consent dialog), or null without a document. */
  PageScan scan() {
    return scan;
  }

  void parsed(Document doc, PageScan scan) {
    this.document = doc;
    this.scan = scan;
  }

  void failed(FetchFailure f) {
    this.failure = f;
  }

  /** Drops the document once the page is recorded, so a crawler thread does not hold it until its next page. */
  void release() {
    document = null;
    scan = null;
  }

  @Override
  public String toString() {
    return "ParsedPage[" + capture.url() + (failure == null ? "" : ", " + failure.kind().code()) + "]";
  }
}
