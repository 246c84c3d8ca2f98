package dev.newsvault.serve;

import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.SearchQueries;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.WebQueries;
import java.util.List;

/** What each page shows; the HTML page and its JSON twin are made from the same record. */
public final class Models {

  private Models() {}

  public record HomePage(WebQueries.Counts counts, List<WebQueries.ArticleLine> latest,
      List<WebQueries.Change> changes) {}

  public record SearchPage(SearchQueries.Result result, List<String> sites) {}

  /** One version in an article's timeline; words added and removed against the version before it. */
  public record TimelineEntry(int version, String fetchedAt, String textHash, int words, int wordsAdded,
      int wordsRemoved, String changeKind, String title, boolean titleChanged, boolean hasRaw) {}

  /** {@code screenshots}: the versions with a screenshot (taken when the page was rendered in the browser). */
  public record ArticlePage(ArticleRecord article, VersionRecord shown, List<TimelineEntry> timeline,
      List<Integer> screenshots) {

    public boolean hasScreenshot(int version) {
      return screenshots.contains(version);
    }
  }

  /** A run of diffed text: {@code same}, {@code del} (only in the older version) or {@code ins} (only in the newer). */
  public record Piece(String text, String kind) {}

  /** One paragraph row of the side-by-side view: the older version left, the newer right. */
  public record Row(List<Piece> left, List<Piece> right, boolean changed) {}

  /** A metadata field that differs, with its word diff. */
  public record FieldChange(String field, String before, String after, List<Piece> diff) {}

  public record DiffPage(ArticleRecord article, int from, int to, String fromFetchedAt, String toFetchedAt,
      String fromTextHash, String toTextHash, int wordsAdded, int wordsRemoved, List<FieldChange> fields,
      List<Piece> inline, List<Row> rows, List<Integer> versions, String changeKind,
      List<Integer> screenshots) {

    /** The diff with the versions that have a screenshot, shown side by side above the text. */
    public DiffPage withScreenshots(List<Integer> s) {
      return new DiffPage(article, from, to, fromFetchedAt, toFetchedAt, fromTextHash, toTextHash, wordsAdded,
          wordsRemoved, fields, inline, rows, versions, changeKind, s);
    }

    public boolean hasScreenshot(int version) {
      return screenshots.contains(version);
    }
  }

  public record SitesPage(List<WebQueries.SiteLine> sites) {}

  /** One day's bars in a site's chart, in SVG user units. */
  public record Bar(String day, long articles, long changes, int x, int width, int articlesY, int articlesHeight,
      int changesY, int changesHeight) {}

  public record Chart(int width, int height, long max, List<Bar> bars) {}

  public record SitePage(WebQueries.SiteLine site, List<WebQueries.DayCount> days, Chart chart,
      List<WebQueries.ArticleLine> latest, List<WebQueries.Change> changes) {}

  /** One route of the app, as listed on /routes and /api. */
  public record Route(String path, String json, String what) {}

  /** An error page; {@code query} is the search that was refused, to show it again (null elsewhere). */
  public record ErrorPage(int status, String title, String message, String query) {}
}
