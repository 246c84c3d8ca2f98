package dev.newsvault.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The publication date a page keeps only in its scripts' app state ({@code window.__STATE__ = {...}},
 * {@code <script type="application/json">}): the value of a well-known publication key such as
 * {@code datePublished}, {@code publishedAt} or {@code published_at}, also inside JSON escaped into a
 * string. Only read when the page states no date anywhere else, and only when every such key in the
 * scripts gives the same day: app state often lists other stories too, and then which is the page's is
 * unknown. The scan is bounded, so a page with megabytes of script costs no more than its first part.
 */
final class ScriptDates {

  /** How many characters of inline script are read per page, in page order. */
  static final int MAX_CHARS = 256 * 1024;

  /** A publication key, quoted or not, and an ISO date (with its time and offset) as its string value. */
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)\\b(?:datePublished|publishedDate|published_?at|publishDate|publish_date|published_date|"
          + "date_published|dateCreated|pubDate|firstPublished(?:_?at|Date)?|first_published_at|"
          + "publicationDate|publication_date)\\\\?[\"']?\\s*:\\s*\\\\?[\"']"
          + "((?:19|20)\\d{2}-\\d{2}-\\d{2}[^\"'\\\\]{0,30})");

  private ScriptDates() {}

  /** The one publication date the page's inline scripts agree on, or null. */
  static DateCandidate find(List<Element> scripts, String language) {
    DateCandidate found = null;
    int budget = MAX_CHARS;
    for (Element script : scripts) {
      if (budget <= 0) {
        break;
      }
      String data = script.data();
      CharSequence text = data.length() > budget ? data.subSequence(0, budget) : data;
      budget -= text.length();
      Matcher m = KEY_VALUE.matcher(text);
      while (m.find()) {
        String v = Dates.normalize(m.group(1), language);
        if (v == null) {
          continue;
        }
        DateCandidate c = new DateCandidate(v, DateSource.SCRIPT);
        if (found == null) {
          found = c;
        } else if (!found.day().equals(c.day())) {
          return null; // two stories' dates: which is this page's is not known
        }
      }
    }
    return found;
  }
}
