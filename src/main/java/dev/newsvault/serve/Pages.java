package dev.newsvault.serve;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.RenderQueries;
import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.SearchQueries;
import dev.newsvault.archive.SearchQuery;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.VersionLabels;
import dev.newsvault.archive.WebQueries;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The models of the pages: each method parses its request, asks the archive's read-only queries, and returns
 * the record that both the HTML page and its JSON twin are made from.
 */
final class Pages {

  static final int LIST = 20;

  private final WebQueries queries;
  private final RenderQueries renders;
  private final SearchQueries search;
  private final ChangeSizes sizes;
  private final StampedCache cache;

  Pages(WebQueries queries, SearchQueries search, RenderQueries renders) {
    this.queries = queries;
    this.renders = renders;
    this.search = search;
    this.sizes = new ChangeSizes(queries);
    this.cache = new StampedCache(queries);
  }

  Models.HomePage home(Context ctx) throws ArchiveException {
    return new Models.HomePage(cache.get("counts", queries::counts), queries.latest(null, LIST),
        sizes.fill(queries.changes(null, null, LIST)));
  }

  Models.SearchPage search(Context ctx) throws ArchiveException {
    SearchQuery q = new SearchQuery(ctx.queryParam("q"), ctx.queryParam("site"), ctx.queryParam("from"),
        ctx.queryParam("to"), ctx.queryParam("lang"), flag(ctx, "changed"), flag(ctx, "all"),
        "newest".equals(ctx.queryParam("sort")), number(ctx.queryParam("page"), 1, "page"));
    if (ctx.queryParam("sort") != null && !List.of("newest", "relevance").contains(ctx.queryParam("sort"))) {
      throw new IllegalArgumentException("sort: relevance or newest");
    }
    return new Models.SearchPage(search.search(q), cache.get("hosts", queries::hosts));
  }

  Models.ArticlePage article(Context ctx) throws ArchiveException {
    ArticleRecord a = article(ctx.pathParam("id"));
    List<VersionRecord> versions = queries.versions(a.id());
    if (versions.isEmpty()) {
      throw new NotFound("article " + a.id() + " has no stored version");
    }
    String v = ctx.queryParam("version");
    VersionRecord shown = v == null ? versions.get(versions.size() - 1) : version(a, versions, v);
    List<ChangeSizes.Size> size = sizes.sizes(a.id(), versions);
    List<Models.TimelineEntry> timeline = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      VersionRecord r = versions.get(i);
      boolean titleChanged = i > 0 && !Objects.equals(r.title(), versions.get(i - 1).title());
      ChangeSizes.Size z = size.get(i);
      timeline.add(new Models.TimelineEntry(r.version(), r.fetchedAt(), r.textHash().toString(), r.wordCount(),
          z.added(), z.removed(), z.kind(), r.title(), titleChanged, r.rawSha256() != null));
    }
    return new Models.ArticlePage(a, shown, timeline, renders.screenshotVersions(a.id()));
  }

  Models.DiffPage diff(Context ctx) throws ArchiveException {
    ArticleRecord a = article(ctx.pathParam("id"));
    List<VersionRecord> versions = queries.versions(a.id());
    VersionRecord from = version(a, versions, ctx.pathParam("from"));
    VersionRecord to = version(a, versions, ctx.pathParam("to"));
    // the kind of the change between the two: as stored when they are neighbours, else as check would label it
    String kind = to.version() == from.version() + 1
        ? sizes.sizes(a.id(), versions).get(versions.indexOf(to)).kind()
        : to.version() > from.version() ? VersionLabels.of(from, to).kind() : null;
    return DiffView.of(a, from, to, versions.stream().map(VersionRecord::version).toList(), kind)
        .withScreenshots(renders.screenshotVersions(a.id()));
  }

  Models.SitesPage sites(Context ctx) throws ArchiveException {
    return new Models.SitesPage(cache.get("sites", () -> queries.sites(null)));
  }

  Models.SitePage site(Context ctx) throws ArchiveException {
    String host = ctx.pathParam("host");
    List<WebQueries.SiteLine> line = cache.get("site " + host, () -> queries.sites(host));
    if (line.isEmpty()) {
      throw new NotFound("no articles of site " + host + " in the archive");
    }
    List<WebQueries.DayCount> days = cache.get("days " + host, () -> queries.days(host, 60));
    return new Models.SitePage(line.get(0), days, DayChart.of(days), queries.latest(host, LIST),
        sizes.fill(queries.changes(host, null, LIST)));
  }

  /** Changes for a feed: all, or of the site or article named in the path. */
  List<WebQueries.Change> feed(String host, Long articleId) throws ArchiveException {
    return sizes.fill(queries.changes(host, articleId, 50));
  }

  ArticleRecord article(String id) throws ArchiveException {
    long n = number(id, 0L, "article id");
    return queries.article(n).orElseThrow(() -> new NotFound("no article " + n + " in the archive"));
  }

  static VersionRecord version(ArticleRecord a, List<VersionRecord> versions, String v) {
    int n = (int) number(v, 0L, "version");
    return versions.stream().filter(r -> r.version() == n).findFirst()
        .orElseThrow(() -> new NotFound("article " + a.id() + " has no version " + n));
  }

  RenderQueries renders() {
    return renders;
  }

  WebQueries queries() {
    return queries;
  }

  private static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v != null && (v.equals("1") || v.equals("on") || v.equals("true"));
  }

  /** A whole number from a request, with {@code absent} when it is missing; anything else is a 400. */
  static long number(String s, long absent, String what) {
    if (s == null || s.isBlank()) {
      if (absent > 0) {
        return absent;
      }
      throw new IllegalArgumentException(what + " is missing");
    }
    if (s.length() > 12 || !s.strip().matches("\\d+")) {
      throw new IllegalArgumentException(what + ": a whole number, not '" + abbreviate(s) + "'");
    }
    return Long.parseLong(s.strip());
  }

  private static int number(String s, int absent, String what) {
    return (int) number(s, (long) absent, what);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** A page or id that does not exist: 404. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
