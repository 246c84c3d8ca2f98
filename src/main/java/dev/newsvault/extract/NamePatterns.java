package dev.newsvault.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What class and id names say about an element: the one home of every name-based signal. Site
 * builders name their blocks after what they are ("share-bar", "related-posts", "entry-content"),
 * which is the cheapest strong signal there is, but only when whole names are read: substrings
 * match utility classes ({@code overflow-hidden}, {@code hidden-xs}, {@code print-full}) and heading
 * anchors ({@code id="sharing-with-a-developer"}). So stems must start a word of a class token
 * (words are split at {@code -} and {@code _}), and utility-prone words must be the whole token.
 */
final class NamePatterns {

  /**
   * Stems that name blocks that are never the story, matched at the start of a word of a token.
   * Comment stems are kept apart: comments are prose, so the cleaner's prose guard must not save them.
   */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?<![a-z0-9])("
              + "share|sharing|social|sociable|addthis|shariff|"
              + "signup|sign-up|optin|opt-in|mailchimp|mc4wp|"
              + "breadcrumb|"
              + "related|recommend|more-stories|morestories|read-?more|read-?next|also-read|you-may|"
              + "most-popular|mostpopular|popular-|trending|outbrain|taboola|zergnet|"
              + "sidebar|widget|"
              + "advert|ad-slot|adslot|ad-container|ad-wrapper|ad-unit|adunit|ads?(?![a-z0-9])|"
              + "dfp|google-ad|sponsor|promo|"
              + "nav|menu|masthead|topbar|toolbar|"
              + "footer|copyright|"
              + "author-?bio|about-?(the-)?author|author-?box|author-?info|"
              + "post-?tags|tag-?list|tag-?links|tagcloud|tags(?![a-z0-9])|cat-links|"
              + "entry-meta|post-?meta|article-meta|"
              + "caption(?![a-z0-9])|credits?(?![a-z0-9])|"
              + "pagination|pager|prev(ious)?(?![a-z0-9])|"
              + "lightbox|rollover|tooltip|popover|hovercard|"
              + "visually-hidden|sr-only|screen-reader|"
              + "back-?to-?top|skip-link|"
              + "viral|syndication|rating(?![a-z0-9])|user-info|user-profile|criteo|"
              + "side-stories|infoline|article-infos|akismet|noprint|"
              + "byline|dateline|timestamp)");

  /**
   * Blocks that are prose but never the story: comment threads and reply forms, consent notices,
   * newsletter, login and paywall pitches.
   */
  private static final Pattern COMMENTS =
      Pattern.compile(
          "(?<![a-z0-9])(comment(?!ary)|disqus|respond(?!s?ive)|replies|cookie|consent|gdpr|modal|popup|"
              + "newsletter|subscri|paywall|login|signin|sign-in|register)");

  /** Words that also name utility classes, boilerplate only as a whole class token. */
  private static final Set<String> BOILERPLATE_TOKENS =
      Set.of("hidden", "hide", "print", "teaser", "button", "btn", "overlay",
          "readmore", "share", "tags", "meta",
          // copies of the page for phones only (Bootstrap, Foundation): the page says it all again for wide screens
          "visible-xs", "visible-xs-block", "show-for-small-only", "mobile-only", "only-mobile", "hide-desktop",
          "hidden-desktop");

  /** Names of story containers; such elements are never removed for their name. */
  private static final Pattern BODY =
      Pattern.compile(
          "article-?body|article__body|articlebody|article-?content|article__content|article-?text|"
              + "entry-?content|post-?content|post-?body|post__content|story-?body|story-?content|"
              + "story-?text|content-?body|content__body|body-?text|main-?content|rich-?text|field-?body|"
              + "post-?text|articletext|text-content|storycontent|blog-content|single-content|fulltext");

  /** Weak hints used only to weigh candidates. */
  private static final Pattern POSITIVE =
      Pattern.compile("article|body|content|entry|hentry|h-entry|main|post|text|blog|story");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?<![a-z0-9])(banner|combx|comment|contact|foot|masthead|media|meta|outbrain|promo|related|"
              + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu)");

  private NamePatterns() {}

  private static String names(Element e) {
    String cls = e.className();
    String id = e.id();
    if (isSlug(id)) {
      id = ""; // a heading's anchor ("sharing-with-a-single-developer") names the text, not a component
    }
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return splitCamelCase(cls + " " + id).toLowerCase(Locale.ROOT);
  }

  /** Four or more words joined by hyphens or underscores: generated from a title, not chosen by a designer. */
  private static boolean isSlug(String id) {
    int words = 1;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if ((c == '-' || c == '_') && i > 0 && i < id.length() - 1) {
        words++;
      }
    }
    return words >= 4;
  }

  /** "newsCaption" and "imageEmbedCredit" name their words too: a case change starts a word. */
  private static String splitCamelCase(String s) {
    StringBuilder sb = null;
    for (int i = 1; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1))) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append('-');
      }
      if (sb != null) {
        sb.append(s.charAt(i));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Named as boilerplate, comment threads included. */
  static boolean isBoilerplate(Element e) {
    return (flags(e) & (BOILERPLATE_FLAG | COMMENTS_FLAG)) != 0;
  }

  /** Named as prose that is never the story: comments, consent, newsletter, login or paywall. */
  static boolean isProseBoilerplate(Element e) {
    return (flags(e) & COMMENTS_FLAG) != 0;
  }

  /**
   * Named as an overlay: a consent notice, a modal or a pop-up. Such a block sits over the page and never
   * wraps the story, however much prose it holds (a consent text can outweigh a short article).
   */
  static boolean isOverlay(Element e) {
    return (flags(e) & COMMENTS_FLAG) != 0 && OVERLAY.matcher(names(e)).find();
  }

  private static final Pattern OVERLAY = Pattern.compile("(?<![a-z0-9])(cookie|consent|gdpr|modal|popup)");

  /** Named as a story container ("article-body", "entry-content"). */
  static boolean isBody(Element e) {
    return (mayNameBody(e.attr("class")) || mayNameBody(e.id())) && (flags(e) & BODY_FLAG) != 0;
  }

  /**
   * Every name {@link #BODY} matches has "body", "content" or "text" in it, whatever the case: a raw
   * class or id without any of them names no story container. Asked of every element of a page, this
   * saves looking up the names of those that cannot be one (most of them).
   */
  static boolean mayNameBody(String raw) {
    for (int i = 0; i + 4 <= raw.length(); i++) {
      char c = (char) (raw.charAt(i) | 0x20); // ASCII lower case; other characters never match below
      if (c == 'b' && raw.regionMatches(true, i, "body", 0, 4)
          || c == 't' && raw.regionMatches(true, i, "text", 0, 4)
          || c == 'c' && raw.regionMatches(true, i, "content", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final int BOILERPLATE_FLAG = 1;
  private static final int BODY_FLAG = 2;
  private static final int NEGATIVE_FLAG = 4;
  private static final int POSITIVE_FLAG = 8;
  private static final int COMMENTS_FLAG = 16;
  private static final int CACHE_LIMIT = 50_000;
  /**
   * Longer names are not memoised: real class lists are far shorter, and a hostile page's megabyte
   * class attributes must not stay in memory after the page.
   */
  private static final int CACHED_NAME_CHARS = 300;

  /**
   * Class strings repeat endlessly across pages of a site, and the patterns are long
   * alternations, so results are memoised (shared by threads, cleared when it grows too big).
   */
  private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

  /** The flags of elements whose names come from their class alone, by the class attribute's raw value. */
  private static final Map<String, Integer> BY_CLASS = new ConcurrentHashMap<>();

  /**
   * The flags of an element's names. Most elements have a class and no id (or only a heading's slug),
   * and their class value is the same string each time it is read, with its hash already computed:
   * such elements are looked up by that value, without building their names again.
   */
  private static int flags(Element e) {
    String id = e.id();
    if (!id.isEmpty() && !isSlug(id)) {
      String names = names(e);
      return names.isEmpty() ? 0 : flags(names);
    }
    String cls = e.attr("class");
    if (cls.isEmpty()) {
      return 0;
    }
    if (cls.length() > CACHED_NAME_CHARS) {
      String names = names(e);
      return names.isEmpty() ? 0 : flags(names);
    }
    Integer cached = BY_CLASS.get(cls);
    if (cached != null) {
      return cached;
    }
    String names = names(e);
    int f = names.isEmpty() ? 0 : flags(names);
    if (BY_CLASS.size() > CACHE_LIMIT) {
      BY_CLASS.clear();
    }
    BY_CLASS.put(cls, f);
    return f;
  }

  private static int flags(String names) {
    Integer cached = CACHE.get(names);
    if (cached != null) {
      return cached;
    }
    boolean body = BODY.matcher(names).find();
    int f = body ? BODY_FLAG : 0;
    if (!body) {
      String stripped = stripContextTokens(names);
      if (COMMENTS.matcher(stripped).find()) {
        f |= COMMENTS_FLAG;
      } else if (BOILERPLATE.matcher(stripped).find() || hasBoilerplateToken(stripped)) {
        f |= BOILERPLATE_FLAG;
      }
    }
    if (NEGATIVE.matcher(names).find() || hasToken(names, "hidden")) {
      f |= NEGATIVE_FLAG;
    }
    if (POSITIVE.matcher(names).find()) {
      f |= POSITIVE_FLAG;
    }
    if (names.length() > CACHED_NAME_CHARS) {
      return f;
    }
    if (CACHE.size() > CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(names, f);
    return f;
  }

  private static boolean hasBoilerplateToken(String names) {
    for (String token : WHITE_SPACE.split(names)) {
      if (BOILERPLATE_TOKENS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasToken(String names, String token) {
    for (String t : WHITE_SPACE.split(names)) {
      if (t.equals(token)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tokens that describe a container's context rather than the container: WordPress taxonomy
   * ("tag-social-media", "category-news"), layout modifiers ("has-sidebar", "no-comments") and
   * page-builder wrappers ("elementor-widget-text-editor" holds story text).
   */
  static String stripContextTokens(String names) {
    StringBuilder sb = new StringBuilder(names.length());
    for (String token : WHITE_SPACE.split(names)) {
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
    int f = flags(e);
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
