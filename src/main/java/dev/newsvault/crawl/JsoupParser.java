package dev.newsvault.crawl;

import dev.newsvault.extract.DomLimits;
import dev.newsvault.fetch.FetchFailure;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * crawler4j's parser replaced by jsoup: each page is decoded from its raw bytes and parsed once, and that
 * document yields the links now and the article later. crawler4j's own {@code parse} runs Tika's HTML parser
 * and language detection on every page (most of its CPU time); Tika is not even on the class path.
 * Never throws: a page that cannot be decoded or parsed is marked failed and recorded by the crawler.
 */
final class JsoupParser extends Parser {

  private final Predicate<String> known;

  /**
   * @param known links the crawl has met already: they are not handed to crawler4j, which would look each one
   *     up in its BerkeleyDB doc-id table, on every page that links to it, only to skip it
   */
  JsoupParser(CrawlConfig config, Predicate<String> known) {
    super(config, (page, url) -> {
      throw new IllegalStateException("crawler4j's HTML parser is replaced by JsoupParser.parse");
    });
    this.known = known;
  }

  @Override
  public void parse(Page page, String contextUrl) {
    ParsedPage p = (ParsedPage) page.getParseData();
    try {
      if (p.renderedText()) {
        // The browser decoded the bytes and ran the scripts: links and article come from the DOM it built.
        Document doc = Jsoup.parse(p.rendering().html(), p.capture().finalUrl());
        checkDepth(p, doc);
        PageScan scan = PageScan.of(doc);
        p.parsed(doc, scan);
        p.setOutgoingUrls(webUrls(Links.of(doc, scan.links())));
        return;
      }
      PageDecoder.Result decoded = PageDecoder.decode(p.capture());
      if (decoded.page() == null) {
        p.failed(decoded.failure());
        return;
      }
      Document doc = Jsoup.parse(decoded.page().html(), p.capture().finalUrl());
      PageScan scan = PageScan.of(doc);
      if (decoded.failure() != null) {
        // Mis-decoded text is not archived, but its links are ASCII and still worth following.
        p.failed(decoded.failure());
      } else if (scan.deep() && checkDepth(p, doc)) {
        scan = PageScan.of(doc); // flattened: its elements moved
      }
      p.parsed(doc, scan);
      p.setOutgoingUrls(webUrls(Links.of(doc, scan.links())));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      p.parsed(null, null);
      p.failed(FetchFailure.of(FetchFailure.Kind.PARSE, "cannot parse " + p.capture().finalUrl() + ": " + e));
    }
  }

  /**
   * No news page nests this deep; extraction is not tried (its selectors would crawl), links still count.
   * Whether the page was flattened.
   */
  private static boolean checkDepth(ParsedPage p, Document doc) {
    if (DomLimits.capDepth(doc) > 0) {
      p.failed(FetchFailure.of(FetchFailure.Kind.TOO_DEEP, p.capture().finalUrl() + " nests elements more than "
          + DomLimits.MAX_DEPTH + " levels deep, which no article page does; raw bytes kept, text not archived"));
      return true;
    }
    return false;
  }

  private Set<WebURL> webUrls(Set<String> links) {
    Set<WebURL> out = new HashSet<>(links.size() * 2);
    for (String l : links) {
      if (known.test(l)) {
        continue;
      }
      WebURL w = new WebURL();
      w.setURL(l);
      out.add(w);
    }
    return out;
  }
}
