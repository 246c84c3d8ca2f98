package dev.newsvault.crawl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Recognises a news site's own pages (about us, contact, imprint, privacy, terms, careers, ...), which are
 * long enough to pass {@code article.min.words} but are not stories, so that they are archived as pages and
 * stay out of the corpus and the revisit queue. A page is one when both hold:
 *
 * <ul>
 *   <li>it names itself so: the last segment of its URL path (without extension), or its title before the
 *       site name ("About us – The Harbour Gazette"), is one of {@link #NAMES}; and
 *   <li>it carries no sign of being a story: no {@code og:type} article, no JSON-LD Article type, no
 *       {@code article:published_time}, no author meta tag, no {@code datePublished} or {@code author} item
 *       property, no {@code <time datetime>}.
 * </ul>
 *
 * A story about privacy or a column called "About town" has a date or a byline, so it stays an article.
 */
final class SitePages {

  static final Set<String> NAMES = Set.of("about", "about us", "about-us", "aboutus", "who we are", "contact",
      "contact us", "contact-us", "contactus", "contacts", "imprint", "impressum", "legal", "legal notice",
      "privacy", "privacy policy", "privacy-policy", "privacy notice", "cookies", "cookie policy", "cookie-policy",
      "terms", "terms of use", "terms of service", "terms-of-use", "terms-of-service", "terms and conditions",
      "terms-and-conditions", "careers", "jobs", "work with us", "advertise", "advertising", "advertise with us",
      "subscribe", "newsletter", "newsletters", "faq", "help", "accessibility", "corrections policy", "sitemap");

  private static final Pattern PAGE_EXTENSION = Pattern.compile("\\.(html?|php|aspx?|jsp)$");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—:·-]\\s+");
  private static final Pattern ARTICLE_TYPE = Pattern.compile(
      "\"@type\"\\s*:\\s*(\\[[^\\]]*)?\"(\\w*Article|BlogPosting|LiveBlogPosting|Report)\"");
  // selectors parsed once: a query string given to select() is parsed again on every call
  private static final Evaluator OG_TYPE = QueryParser.parse("meta[property=og:type]");
  private static final Evaluator STORY_MARKS = QueryParser.parse("meta[property=article:published_time],"
      + " meta[name=author], meta[property=article:author], [itemprop=datePublished], [itemprop=author],"
      + " time[datetime]");
  private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");

  private SitePages() {}

  /** Whether the page (before extraction, which may change the document) is one of the site's own pages. */
  static boolean isSitePage(Document doc, String url) {
    return namesItself(doc, url) && !hasStorySignal(doc);
  }

  private static boolean namesItself(Document doc, String url) {
    HttpUrl u = HttpUrl.parse(url);
    if (u != null && !u.pathSegments().isEmpty()) {
      String last = u.pathSegments().get(u.pathSegments().size() - 1);
      if (last.isEmpty() && u.pathSegments().size() > 1) {
        last = u.pathSegments().get(u.pathSegments().size() - 2);
      }
      if (NAMES.contains(PAGE_EXTENSION.matcher(last.toLowerCase(Locale.ROOT)).replaceFirst(""))) {
        return true;
      }
    }
    String title = TITLE_SEPARATOR.split(doc.title().strip(), 2)[0];
    return NAMES.contains(title.toLowerCase(Locale.ROOT).strip());
  }

  private static boolean hasStorySignal(Document doc) {
    for (Element m : doc.select(OG_TYPE)) {
      if (m.attr("content").toLowerCase(Locale.ROOT).contains("article")) {
        return true;
      }
    }
    if (doc.selectFirst(STORY_MARKS) != null) {
      return true;
    }
    for (Element ld : doc.select(JSON_LD)) {
      if (ARTICLE_TYPE.matcher(ld.data()).find()) {
        return true;
      }
    }
    return false;
  }
}
