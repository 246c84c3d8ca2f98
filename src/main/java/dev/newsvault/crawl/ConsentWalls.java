package dev.newsvault.crawl;

import java.util.List;
import java.util.Locale;
import dev.newsvault.archive.Words;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Recognises a consent, cookie or login wall served in place of an article: a page without article text that
 * carries a consent manager's dialog or a wall's wording. Such a page is recorded as {@code consent_wall},
 * never archived as the article or as a change of it; the fix is the site's consent or login cookie
 * ({@code site.HOST.cookie}). A normal article with a cookie banner keeps its text and is not a wall.
 */
final class ConsentWalls {

  /** Containers of common consent managers (OneTrust, Didomi, Sourcepoint, Quantcast, Usercentrics, ...). */
  static final Evaluator MANAGERS = QueryParser.parse("#onetrust-consent-sdk, #onetrust-banner-sdk,"
      + " #didomi-host, #didomi-popup, [id^=sp_message_container], .qc-cmp2-container, #qc-cmp2-ui,"
      + " #usercentrics-root, #CybotCookiebotDialog,"
      + " .fc-consent-root, #truste-consent-track, #cmpbox, .cmp-container, [class*=consent-wall],"
      + " [class*=paywall], [id*=paywall], [class*=login-wall]"); // parsed once, not on every page

  /** What such walls say, lower case. */
  private static final List<String> PHRASES = List.of("accept all cookies", "accept cookies", "agree and continue",
      "we value your privacy", "manage your consent", "consent to the use of", "cookie consent",
      "subscribe to continue reading", "subscribe to read", "to continue reading", "log in to continue",
      "sign in to continue", "sign in to read", "already a subscriber", "create a free account to continue",
      "this content is for subscribers");

  private ConsentWalls() {}

  /** More words than this and the page is more than a wall (a section page with a cookie banner). */
  static final int MAX_WORDS = 200;

  /**
   * Before extraction (which changes the document): a consent manager's dialog on a short page, as "it holds a
   * consent or login dialog (#didomi-host)", or null; {@code manager} is the page's first element that
   * {@link #MANAGERS} matches ({@link PageScan} finds it), or null.
   */
  static String dialog(Document doc, Element manager) {
    if (doc == null || doc.body() == null) {
      return null;
    }
    if (manager == null || Words.count(doc.body().text()) > MAX_WORDS) {
      return null;
    }
    String id = manager.id().isEmpty() ? "." + String.join(".", manager.classNames()) : "#" + manager.id();
    return "it holds a consent or login dialog (" + (id.length() > 60 ? id.substring(0, 60) : id) + ")";
  }

  /** For a short page left without an article: a wall's wording, as "it says 'accept all cookies'", or null. */
  static String wording(Document doc) {
    if (doc == null || doc.body() == null) {
      return null;
    }
    String text = doc.body().text();
    if (Words.count(text) > MAX_WORDS) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String p : PHRASES) {
      if (lower.contains(p)) {
        return "it says '" + p + "'";
      }
    }
    return null;
  }
}
