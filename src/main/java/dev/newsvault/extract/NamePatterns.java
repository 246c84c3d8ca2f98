package dev.newsvault.extract;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What class and id names say about an element. Site builders name their blocks after what they are
 * ("share-bar", "related-posts", "entry-content"), which is the cheapest strong signal there is.
 */
final class NamePatterns {

  /** Names of blocks that are never the story: removed before scoring. */
  static final Pattern BOILERPLATE =
      Pattern.compile(
          "comment(?!ary)|disqus|respond(?!s?ive)|replies|"
              + "share|sharing|social|sociable|addthis|shariff|"
              + "newsletter|subscri|signup|sign-up|optin|opt-in|mailchimp|mc4wp|"
              + "cookie|consent|gdpr|"
              + "breadcrumb|"
              + "related|recommend|more-stories|morestories|read-?more|read-?next|also-read|you-may|"
              + "most-popular|mostpopular|popular-|trending|outbrain|taboola|zergnet|"
              + "sidebar|widget|"
              + "advert|ad-slot|adslot|ad-container|ad-wrapper|ad-unit|adunit|(^|[\\s_-])ads?([\\s_-]|$)|"
              + "dfp|google-ad|sponsor|promo|"
              + "(^|[\\s_-])nav|navbar|navigation|menu|masthead|topbar|toolbar|"
              + "footer|copyright|"
              + "author-?bio|about-?(the-)?author|author-?box|author-?info|"
              + "post-?tags|tag-?list|tag-?links|tagcloud|(^|[\\s_-])tags([\\s_-]|$)|cat-links|"
              + "entry-meta|post-meta|article-meta|"
              + "caption|credit|"
              + "pagination|pager|"
              + "(^|[\\s_-])print([\\s_-]|$)|"
              + "modal|popup|overlay|lightbox|rollover|tooltip|popover|hovercard|"
              + "visually-hidden|sr-only|screen-reader|"
              + "back-?to-?top|skip-link|"
              + "paywall|viral|syndication|teaser|(^|[\\s_-])rating|user-info|user-profile|criteo|"
              + "side-stories|infoline|article-infos|akismet|noprint|(^|\\s)hide-|-hide-|"
              + "(^|[\\s_-])hidden([\\s_-]|$)|button|"
              + "byline|dateline|timestamp");

  /** Names of story containers; such elements are never removed for their name. */
  static final Pattern BODY =
      Pattern.compile(
          "article-?body|article__body|articlebody|article-?content|article__content|article-?text|"
              + "entry-?content|post-?content|post-?body|post__content|story-?body|story-?content|"
              + "story-?text|content-?body|content__body|body-?text|main-?content|rich-?text|field-?body|"
              + "post-?text|articletext|text-content|storycontent|blog-content|single-content|fulltext");

  /** Weak hints used only to weigh candidates. */
  static final Pattern POSITIVE =
      Pattern.compile("article|body|content|entry|hentry|h-entry|main|post|text|blog|story");

  static final Pattern NEGATIVE =
      Pattern.compile(
          "hidden|banner|combx|comment|contact|foot|masthead|media|meta|outbrain|promo|related|"
              + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu");

  private NamePatterns() {}

  static String names(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  static boolean isBoilerplate(String names) {
    return !names.isEmpty() && (flags(names) & BOILERPLATE_FLAG) != 0;
  }

  static boolean isBody(String names) {
    return !names.isEmpty() && (flags(names) & BODY_FLAG) != 0;
  }

  private static final int BOILERPLATE_FLAG = 1;
  private static final int BODY_FLAG = 2;
  private static final int NEGATIVE_FLAG = 4;
  private static final int POSITIVE_FLAG = 8;
  private static final int CACHE_LIMIT = 50_000;

  /**
   * Class strings repeat endlessly across pages of a site, and the patterns are long
   * alternations, so results are memoised (shared by threads, cleared when it grows too big).
   */
  private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

  private static int flags(String names) {
    Integer cached = CACHE.get(names);
    if (cached != null) {
      return cached;
    }
    boolean body = BODY.matcher(names).find();
    int f = body ? BODY_FLAG : 0;
    if (!body && BOILERPLATE.matcher(stripContextTokens(names)).find()) {
      f |= BOILERPLATE_FLAG;
    }
    if (NEGATIVE.matcher(names).find()) {
      f |= NEGATIVE_FLAG;
    }
    if (POSITIVE.matcher(names).find()) {
      f |= POSITIVE_FLAG;
    }
    if (CACHE.size() > CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(names, f);
    return f;
  }

  /**
   * Tokens that describe a container's context rather than the container: WordPress taxonomy
   * ("tag-social-media", "category-news"), layout modifiers ("has-sidebar", "no-comments") and
   * page-builder wrappers ("elementor-widget-text-editor" holds story text).
   */
  static String stripContextTokens(String names) {
    StringBuilder sb = new StringBuilder(names.length());
    for (String token : names.split("\\s+")) {
      if (isContextToken(token)) {
        continue;
      }
      sb.append(token.startsWith("elementor-widget") ? token.replace("elementor-widget", "elementor-w") : token);
      sb.append(' ');
    }
    return sb.toString();
  }

  private static boolean isContextToken(String t) {
    return ((t.startsWith("tag-") || t.startsWith("category-")) && t.length() > 12)
        || t.startsWith("has-")
        || t.startsWith("with-")
        || t.startsWith("no-")
        || t.startsWith("and-");
  }

  /** Readability-style class weight: +25 for story-like names, -25 for boilerplate-like ones. */
  static int weight(Element e) {
    String names = names(e);
    if (names.isEmpty()) {
      return 0;
    }
    int f = flags(names);
    int w = 0;
    if ((f & NEGATIVE_FLAG) != 0) {
      w -= 25;
    }
    if ((f & POSITIVE_FLAG) != 0) {
      w += 25;
    }
    return w;
  }
}
