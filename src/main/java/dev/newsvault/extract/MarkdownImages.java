package dev.newsvault.extract;

import org.jsoup.nodes.Element;

/**
 * Where the links and images of the story point, for its Markdown: absolute http(s) addresses only (a
 * {@code javascript:} or {@code data:} address is no place to send a reader), images from their lazy-loading
 * attributes when {@code src} is a placeholder, and no tracking pixels.
 */
final class MarkdownImages {

  /** Attributes that lazy-loading scripts read the real address from, in the order they are tried. */
  private static final String[] SOURCES = {"src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset"};

  private MarkdownImages() {}

  /** The link's absolute http(s) address, or null. */
  static String linkTarget(Element a) {
    return web(a.absUrl("href"));
  }

  /** The image as inline Markdown ({@code ![alt](src)}), or "" when it has no address worth keeping. */
  static String image(Element img) {
    if (isPixel(img.attr("width")) || isPixel(img.attr("height"))) {
      return "";
    }
    String src = null;
    for (String attr : SOURCES) {
      String v = img.attr(attr).trim();
      if (v.isEmpty()) {
        continue;
      }
      // A srcset lists candidates with their widths: the first one's address will do.
      src = web(attr.endsWith("srcset") ? resolved(img, v.split("[\\s,]+", 2)[0]) : img.absUrl(attr));
      if (src != null) {
        break;
      }
    }
    if (src == null) {
      return "";
    }
    String alt = img.attr("alt").replaceAll("[\\s\\u00a0]+", " ").strip();
    return "![" + MarkdownEscape.inline(alt, false) + "](" + MarkdownEscape.destination(src) + ")";
  }

  private static String resolved(Element img, String v) {
    String base = img.baseUri();
    try {
      return base.isEmpty() ? v : java.net.URI.create(base).resolve(v).toString();
    } catch (IllegalArgumentException e) {
      return v;
    }
  }

  private static String web(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.regionMatches(true, 0, "http", 0, 4) ? url.toLowerCase(java.util.Locale.ROOT) : "";
    return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
  }

  private static boolean isPixel(String size) {
    String s = size.trim();
    return s.equals("0") || s.equals("1") || s.equals("2");
  }
}
