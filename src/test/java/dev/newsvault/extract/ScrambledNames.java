package dev.newsvault.extract;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page as a site would serve it after a redeploy that hashed its CSS names: every class and id replaced by a
 * meaningless name (the same name for the same original, so the page's own structure stays, and links to the
 * page's own sections follow their ids), attributes in
 * reverse order and the markup re-indented. The text a reader sees is unchanged.
 */
public final class ScrambledNames {

  private ScrambledNames() {}

  public static byte[] scramble(byte[] page, String url) {
    return scramble(page, url, true);
  }

  /** As {@link #scramble(byte[], String)}; {@code reindent} false keeps the markup's own white space. */
  public static byte[] scramble(byte[] page, String url, boolean reindent) {
    Document doc = Jsoup.parse(HtmlDecoder.decode(page, null).html(), url == null ? "" : url);
    Map<String, String> names = new HashMap<>();
    for (Element e : doc.getAllElements()) {
      if (e.hasAttr("id")) {
        e.attr("id", name(names, e.attr("id")));
      }
      // the page's own anchors follow the ids they point at, as they do when a site regenerates both
      String href = e.attr("href");
      if (e.nameIs("a") && href.startsWith("#") && href.length() > 1) {
        e.attr("href", "#" + name(names, href.substring(1)));
      }
      if (e.hasAttr("class")) {
        StringBuilder sb = new StringBuilder();
        for (String c : e.classNames()) {
          sb.append(sb.length() == 0 ? "" : " ").append(name(names, c));
        }
        e.attr("class", sb.toString());
      }
      // reversed attribute order
      var attrs = new java.util.ArrayList<>(e.attributes().asList());
      attrs.forEach(a -> e.removeAttr(a.getKey()));
      for (int i = attrs.size() - 1; i >= 0; i--) {
        e.attr(attrs.get(i).getKey(), attrs.get(i).getValue());
      }
    }
    doc.outputSettings().prettyPrint(reindent).indentAmount(3).charset(StandardCharsets.UTF_8);
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }

  private static String name(Map<String, String> names, String original) {
    return names.computeIfAbsent(original, k -> "x" + Integer.toString((k.hashCode() * 31 + 7) & 0x7fffffff, 36));
  }
}
