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
   * says there are more than that (counting every match of a common word costs as much as the search).
   */
  public record Result(SearchQuery query, long total, boolean more, int page, int pages, List<Hit> hits) {}

  static final int MAX_COUNT = 1000;

  // Control characters mark matches inside SQLite; they are split out below and never reach a page.
  private static final char OPEN = '\u0002';
  private static final char CLOSE = '\u0003';

  private final ReadPool pool;

  public SearchQueries(ReadPool pool) {
    this.pool = pool;
  }

  /** The page of results {@code query} asks for; an empty result when it has nothing to search for. */
  public Result search(SearchQuery query) throws ArchiveException {
    if (query.isEmpty()) {
      return new Result(query, 0, false, 1, 0, List.of());
    }
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    String order = query.newest() ? "day DESC, id DESC" : "score, id DESC";
    String from = " FROM article_search s JOIN article_version v ON v.id=s.rowid JOIN article a ON a.id=v.article_id";
    // Rank and cut to one page first, then make snippets for that page only.
    String sql = "WITH page AS (SELECT v.id AS id, bm25(article_search, 5.0, 1.0) AS score,"
        + " COALESCE(v.published, a.first_seen) AS day" + from + where + " ORDER BY " + order
        + " LIMIT " + SearchQuery.PAGE_SIZE + " OFFSET " + (query.page() - 1) * SearchQuery.PAGE_SIZE + ")"
        + " SELECT v.article_id, a.url, a.host, v.version, a.current_version, v.fetched_at, v.published, v.language,"
        + " highlight(article_search, 0, char(2), char(3)), snippet(article_search, 1, char(2), char(3), '…', 32)"
        + " FROM page p JOIN article_search s ON s.rowid=p.id JOIN article_version v ON v.id=p.id"
        + " JOIN article a ON a.id=v.article_id WHERE article_search MATCH ? ORDER BY "
        + order.replace("day", "p.day").replace("score", "p.score").replace("id DESC", "p.id DESC");
    String countSql = "SELECT COUNT(*) FROM (SELECT 1" + from + where + " LIMIT " + (MAX_COUNT + 1) + ")";
    return pool.read("search for " + query.q(), c -> {
      try {
        long counted = count(c, countSql, args);
        long total = Math.min(counted, MAX_COUNT);
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int i = bind(ps, args);
          ps.setString(i, query.fts());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              hits.add(new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                  rs.getString(6), rs.getString(7), rs.getString(8), fragments(rs.getString(9)),
                  fragments(rs.getString(10))));
            }
          }
        }
        int pages = (int) Math.min(SearchQuery.MAX_PAGE, (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
        return new Result(query, total, counted > MAX_COUNT, query.page(), pages, hits);
      } catch (SQLException e) {
        if (String.valueOf(e.getMessage()).contains("fts5")) {
          throw new IllegalArgumentException("the search could not be understood: " + e.getMessage(), e);
        }
        throw e;
      }
    });
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
