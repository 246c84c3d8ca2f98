package dev.newsvault.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A full-text search as a user asks it: words and "quoted phrases" (a trailing * makes a word a prefix), and
 * filters. Input is checked here, so nothing a user types reaches SQLite's FTS5 query syntax unquoted.
 *
 * @param q the words and phrases, all of which must occur (in the title or the text)
 * @param site only articles of this host; null for all
 * @param from only articles published (or, without a date, first archived) on or after this day, yyyy-mm-dd
 * @param to only those on or before this day
 * @param language only this language (e.g. {@code en} also matches {@code en-GB})
 * @param changedOnly only articles with more than one version
 * @param allVersions search earlier versions too, not only each article's current one
 * @param newest sort newest first instead of by relevance
 * @param page the page of results, from 1
 */
public record SearchQuery(String q, String site, String from, String to, String language, boolean changedOnly,
    boolean allVersions, boolean newest, int page) {

  public static final int PAGE_SIZE = 20;
  public static final int MAX_QUERY_CHARS = 500;
  public static final int MAX_PAGE = 500;
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** Checks every field; an {@link IllegalArgumentException} says which one is wrong and how. */
  public SearchQuery {
    q = q == null ? "" : q.strip();
    site = blankToNull(site);
    from = blankToNull(from);
    to = blankToNull(to);
    language = blankToNull(language);
    if (q.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("the search is " + q.length() + " characters long; at most "
          + MAX_QUERY_CHARS + " are allowed");
    }
    if (site != null && site.length() > 253) {
      throw new IllegalArgumentException("site: not a host name");
    }
    for (String day : new String[] {from, to}) {
      if (day != null && !DAY.matcher(day).matches()) {
        throw new IllegalArgumentException("dates are written yyyy-mm-dd, not '" + day + "'");
      }
    }
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language: a code such as en or de-AT, not '" + language + "'");
    }
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page: a number from 1 to " + MAX_PAGE);
    }
    terms(q);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Whether there is anything to search for. */
  public boolean isEmpty() {
    return terms(q).isEmpty();
  }

  /** The FTS5 expression: every term as a quoted string (a prefix term with a trailing *), joined by AND. */
  String fts() {
    List<String> parts = new ArrayList<>();
    for (String t : terms(q)) {
      boolean prefix = t.endsWith("*") && t.length() > 1;
      String word = prefix ? t.substring(0, t.length() - 1) : t;
      parts.add("\"" + word.replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
    }
    return String.join(" AND ", parts);
  }

  /**
   * The words and phrases of {@code q}. A term with no letter or digit is dropped (the index has none); an
   * unmatched quote is an error, since guessing where the phrase ends would search for something else.
   */
  static List<String> terms(String q) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      char ch = q.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == '"') {
        int end = q.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("the search has a \" without its closing \"; put phrases in pairs of"
              + " quotes, like \"city council\"");
        }
        addTerm(out, q.substring(i + 1, end));
        i = end + 1;
      } else {
        int end = i;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
          end++;
        }
        addTerm(out, q.substring(i, end));
        i = end;
      }
    }
    if (out.size() > 32) {
      throw new IllegalArgumentException("the search has " + out.size() + " words or phrases; at most 32 are allowed");
    }
    return out;
  }

  private static void addTerm(List<String> out, String term) {
    String t = term.strip();
    if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
      out.add(t);
    }
  }
}
