package dev.newsvault.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Where the links and images of the story point, for its Markdown: absolute http(s) addresses only (a
 * {@code javascript:} or {@code data:} address is no place to send a reader), images from their lazy-loading
 * attributes when {@code src} is a placeholder, and no tracking pixels. An image keeps its alt text and, as
 * the Markdown title, the caption its {@code title} attribute gives.
 */
final class MarkdownImages {

  /** Attributes that lazy-loading scripts read the real address from, in the order they are tried. */
  private static final String[] SOURCES = {"src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset"};
  private static final Pattern SRCSET_SEPARATOR = Pattern.compile("[\\s,]+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
  private static final Pattern TITLE_SPECIALS = Pattern.compile("([\\\\\"&|])");
  private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*");
  private static final Pattern FILE_EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{2,5}$");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

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
      src = web(attr.endsWith("srcset") ? resolved(img, SRCSET_SEPARATOR.split(v, 2)[0]) : img.absUrl(attr));
      if (src != null) {
        break;
      }
    }
    if (src == null) {
      return "";
    }
    String alt = SPACES.matcher(img.attr("alt")).replaceAll(" ").strip();
    String title = caption(img.attr("title"), alt, src);
    String titled = title.isEmpty() ? "" : " \"" + TITLE_SPECIALS.matcher(title).replaceAll("\\\\$1") + "\"";
    return "![" + MarkdownEscape.inline(alt, false) + "](" + MarkdownEscape.destination(src) + titled + ")";
  }

  /**
   * A caption the page gives on the image itself ({@code title}), for the image's Markdown title: readers show it,
   * and like the alt text it is never part of the text. Not one that repeats the alt text, a single word (outside
   * scripts written without spaces) or the image's file name (a CMS often titles an image with its upload's name),
   * so "IMG_0412" is not a caption.
   */
  private static String caption(String title, String alt, String src) {
    String t = SPACES.matcher(title).replaceAll(" ").strip();
    String a = letters(t);
    String altLetters = letters(alt);
    if (a.isEmpty() || (!altLetters.isEmpty() && (a.contains(altLetters) || altLetters.contains(a)))
        || (t.indexOf(' ') < 0 && !unspacedScript(t))) {
      return "";
    }
    String name = QUERY_OR_FRAGMENT.matcher(src).replaceAll("");
    name = FILE_EXTENSION.matcher(name.substring(name.lastIndexOf('/') + 1)).replaceAll("");
    try {
      name = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a stray % in the name: compare it as it stands
    }
    String b = letters(name);
    return b.startsWith(a) || (b.length() >= 8 && a.startsWith(b)) ? "" : t;
  }

  /** Whether the text is in a script written without spaces between words, where one "word" can be a caption. */
  private static boolean unspacedScript(String s) {
    return s.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).anyMatch(script ->
        switch (script) {
          case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
          default -> false;
        });
  }

  private static String letters(String s) {
    return NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
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
