package dev.newsvault.bench;

import dev.newsvault.extract.HtmlDecoder;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The benchmark's crawler4j parser with jsoup instead of Tika: decode, parse once, take a/area links. */
final class JsoupLinkParser extends Parser {

  private JsoupLinkParser(CrawlConfig config) {
    super(config, (page, url) -> {
      throw new IllegalStateException("not used");
    });
  }

  static Parser create(CrawlConfig config) {
    return new JsoupLinkParser(config);
  }

  @Override
  public void parse(Page page, String contextUrl) {
    String html = HtmlDecoder.decode(page.getContentData(), page.getContentType()).html();
    Document doc = Jsoup.parse(html, contextUrl);
    Set<WebURL> links = new HashSet<>();
    for (Element a : doc.select("a[href], area[href]")) {
      String u = a.absUrl("href");
      int hash = u.indexOf('#');
      if (hash >= 0) {
        u = u.substring(0, hash);
      }
      if (u.startsWith("http")) {
        WebURL w = new WebURL();
        w.setURL(u);
        links.add(w);
      }
    }
    HtmlParseData data = new HtmlParseData();
    data.setMetaTags(Map.of());
    data.setTitle(doc.title());
    data.setOutgoingUrls(links);
    page.setParseData(data);
  }
}
