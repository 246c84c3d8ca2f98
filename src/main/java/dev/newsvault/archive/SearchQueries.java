package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over article versions with the FTS5 index {@code article_search} (schema 60). Snippets and
 * titles come back as fragments, each marked as a match or not, so the page escapes the archived text and
 * then marks the matches; no markup ever comes out of the archive.
 */
public final class SearchQueries {

  /** A piece of a snippet or title; {@code match} when it is one of the searched words. */
  public record Fragment(String text, boolean match) {}

  /** One found article version. */
  public record Hit(long articleId, String url, String host, int version, int currentVersion, String fetchedAt,
      String published, String language, List<Fragment> title, List<Fragment> snippet) {}

  /**
   * One page of results and how many there are in all; counting stops at {@value #MAX_COUNT}, and {@code more}
   * says there are more than that. {@code newestOnly} says more than {@link #maxRanked()} versions matched, and
   * only that many, the most recently archived, were sorted.
   */
  public record Result(SearchQuery query, long total, boolean more, int page, int pages, List<Hit> hits,
      boolean newestOnly) {}

  static final int MAX_COUNT = 1000;
  /** How many matches are sorted at most: as many as are counted, so every page a search shows is sorted. */
  public static final int MAX_RANKED = 1000;

  // Control characters mark matches inside SQLite; they are split out below and never reach a page.
  private static final char OPEN = '\u0002';
  private static final char CLOSE = '\u0003';
  private static final String FROM = " FROM article_search s JOIN article_version v ON v.id=s.rowid"
      + " JOIN article a ON a.id=v.article_id";
  /** The same, through the narrow indexes of schema 91 that hold every column the filters and sorting read. */
  private static final String FILTER_FROM = " FROM article_search s"
      + " JOIN article_version v INDEXED BY article_version_search ON v.id=s.rowid"
      + " JOIN article a INDEXED BY article_search_filter ON a.id=v.article_id";

  private final ReadPool pool;
  private final int maxRanked;

  public SearchQueries(ReadPool pool) {
    this(pool, MAX_RANKED);
  }

  /** With at most {@code maxRanked} matches sorted (tests make it small). */
  SearchQueries(ReadPool pool, int maxRanked) {
    this.pool = pool;
    this.maxRanked = Math.max(1, maxRanked);
  }

  int maxRanked() {
    return maxRanked;
  }

  /**
   * The page of results {@code query} asks for; an empty result when it has nothing to search for.
   *
   * <p>A word found in nearly every article would otherwise cost a BM25 score and a look-up of its version and
   * article for every match. Instead the matches are walked newest archived first (FTS5 reads its index
   * backwards), filtered, and at most {@link #maxRanked()} of them scored and sorted; counting stops at
   * {@value #MAX_COUNT}; and only the page shown gets snippets.
   */
  public Result search(SearchQuery query) throws ArchiveException {
    if (query.isEmpty()) {
      return new Result(query, 0, false, 1, 0, List.of(), false);
    }
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    String countSql = "SELECT COUNT(*) FROM (SELECT 1" + FILTER_FROM + where + " LIMIT " + (MAX_COUNT + 1) + ")";
    // One walk both counts (up to one more than MAX_COUNT) and finds the newest maxRanked matches to sort.
    String pageSql = "WITH walk AS MATERIALIZED (SELECT s.rowid AS id, bm25(article_search, 5.0, 1.0) AS score,"
        + " COALESCE(v.published, a.first_seen) AS day" + FILTER_FROM + where
        + " ORDER BY s.rowid DESC LIMIT " + (Math.max(maxRanked, MAX_COUNT) + 1)
        + ") SELECT id, (SELECT COUNT(*) FROM walk) FROM walk"
        + " WHERE id >= (SELECT MIN(id) FROM (SELECT id FROM walk ORDER BY id DESC LIMIT " + maxRanked + "))"
        + " ORDER BY " + (query.newest() ? "day DESC, id DESC" : "score, id DESC")
        + " LIMIT " + SearchQuery.PAGE_SIZE + " OFFSET " + (query.page() - 1) * SearchQuery.PAGE_SIZE;
    return pool.read("search for " + query.q(), c -> {
      try {
        List<Long> page = new ArrayList<>();
        long walked = -1;
        try (PreparedStatement ps = c.prepareStatement(pageSql)) {
          bind(ps, args);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(rs.getLong(1));
              walked = rs.getLong(2);
            }
          }
        }
        long counted = walked >= 0 ? walked : count(c, countSql, args); // a page past the last one has no rows
        long total = Math.min(counted, MAX_COUNT);
        int pages = (int) Math.min(SearchQuery.MAX_PAGE, (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
        return new Result(query, total, counted > MAX_COUNT, query.page(), pages, hits(c, query, page),
            counted > maxRanked);
      } catch (SQLException e) {
        if (String.valueOf(e.getMessage()).contains("fts5")) {
          throw new IllegalArgumentException("the search could not be understood: " + e.getMessage(), e);
        }
        throw e;
      }
    });
  }

  /** The hits of one page, in the page's order, each with its highlighted title and a snippet. */
  private static List<Hit> hits(Connection c, SearchQuery query, List<Long> page) throws SQLException {
    List<Hit> hits = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT v.article_id, a.url, a.host, v.version,"
        + " a.current_version, v.fetched_at, v.published, v.language, highlight(article_search, 0, char(2), char(3)),"
        + " snippet(article_search, 1, char(2), char(3), '…', 32)" + FROM
        + " WHERE article_search MATCH ? AND s.rowid = ?")) {
      for (long id : page) {
        ps.setString(1, query.fts());
        ps.setLong(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            hits.add(new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), fragments(rs.getString(9)),
                fragments(rs.getString(10))));
          }
        }
      }
    }
    return hits;
  }

  private static String where(SearchQuery q, List<Object> args) {
    StringBuilder w = new StringBuilder(" WHERE article_search MATCH ?");
    args.add(q.fts());
    if (!q.allVersions()) {
      w.append(" AND v.version = a.current_version");
    }
    if (q.site() != null) {
      w.append(" AND a.host = ?");
      args.add(q.site());
    }
    if (q.from() != null) {
      w.append(" AND substr(COALESCE(v.published, a.first_seen), 1, 10) >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      w.append(" AND substr(COALESCE(v.published, a.first_seen), 1, 10) <= ?");
      args.add(q.to());
    }
    if (q.language() != null) {
      w.append(" AND (lower(v.language) = lower(?) OR lower(v.language) LIKE lower(?) || '-%')");
      args.add(q.language());
      args.add(q.language());
    }
    if (q.changedOnly()) {
      w.append(" AND a.current_version > 1");
    }
    return w.toString();
  }

  private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
    int i = 1;
    for (Object a : args) {
      ps.setObject(i++, a);
    }
    return i;
  }

  private static long count(Connection c, String sql, List<Object> args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Splits text holding match marks into fragments; a stray mark in archived text only ends a fragment. */
  static List<Fragment> fragments(String marked) {
    List<Fragment> out = new ArrayList<>();
    if (marked == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean match = false;
    for (int i = 0; i < marked.length(); i++) {
      char ch = marked.charAt(i);
      if (ch == OPEN || ch == CLOSE) {
        if (cur.length() > 0) {
          out.add(new Fragment(cur.toString(), match));
          cur.setLength(0);
        }
        match = ch == OPEN;
      } else {
        cur.append(ch);
      }
    }
    if (cur.length() > 0) {
      out.add(new Fragment(cur.toString(), match));
    }
    return out;
  }
}
