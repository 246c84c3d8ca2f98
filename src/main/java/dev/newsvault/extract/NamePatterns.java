package dev.newsvault.extract;

import java.util.Locale;
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
          "comment(?!ary)|disqus|respond|replies|"
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
              + "paywall|"
              + "byline|dateline|timestamp");

  /** Names of story containers; such elements are never removed for their name. */
  static final Pattern BODY =
      Pattern.compile(
          "article-?body|article__body|articlebody|article-?content|article__content|article-?text|"
              + "entry-?content|post-?content|post-?body|post__content|story-?body|story-?content|"
              + "story-?text|content-?body|body-?text|main-?content|rich-?text|field-?body");

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
    return !names.isEmpty() && BOILERPLATE.matcher(names).find() && !BODY.matcher(names).find();
  }

  static boolean isBody(String names) {
    return !names.isEmpty() && BODY.matcher(names).find();
  }

  /** Readability-style class weight: +25 for story-like names, -25 for boilerplate-like ones. */
  static int weight(Element e) {
    String names = names(e);
    if (names.isEmpty()) {
      return 0;
    }
    int w = 0;
    if (NEGATIVE.matcher(names).find()) {
      w -= 25;
    }
    if (POSITIVE.matcher(names).find()) {
      w += 25;
    }
    return w;
  }
}
