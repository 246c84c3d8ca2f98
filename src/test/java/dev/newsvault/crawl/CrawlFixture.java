package dev.newsvault.crawl;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs real crawls into a real SQLite file and reads the archive back with plain JDBC. */
final class CrawlFixture {

  final Path dir;
  final Path db;

  CrawlFixture(Path dir) {
    this.dir = dir;
    this.db = dir.resolve("archive.db");
  }

  /** Test settings: no politeness unless asked, short timeouts, small page limit. */
  Settings settings(String... sets) {
    Map<String, String> o = new HashMap<>(Map.of("politeness.delay.ms", "0", "read.timeout.ms", "2000",
        "connect.timeout.ms", "2000", "threads", "4", "max.pages", "0", "work.dir", dir.resolve("work").toString(),
        "database", db.toString(), "article.min.words", "40"));
    o.put("fetch.allow.private", "true"); // the fixture servers run on 127.0.0.1
    for (String s : sets) {
      var e = ConfigLoader.parseOverride(s);
      o.put(e.getKey(), e.getValue());
    }
    return ConfigLoader.load(null, false, o);
  }

  CrawlResult crawl(Settings s, List<StartUrl> starts) throws Exception {
    return crawl(s, starts, CrawlListener.NONE);
  }

  CrawlResult crawl(Settings s, List<StartUrl> starts, CrawlListener listener) throws Exception {
    try (Archive archive = Archive.open(db)) {
      return Crawler.run(s, archive, new ArticleExtractor(ExtractionRules.NONE), starts, listener);
    }
  }

  /** Rows of a query, each column by its label. */
  List<Map<String, Object>> rows(String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The values of the first column. */
  List<String> column(String sql) throws SQLException {
    return rows(sql).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
  }

  /** url → failure kind (or "ok") for every fetch row. */
  Map<String, String> outcomes() throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (Map<String, Object> r : rows("SELECT url, failure_kind FROM fetch")) {
      Object k = r.get("failure_kind");
      out.put((String) r.get("url"), k == null ? "ok" : (String) k);
    }
    return out;
  }
}
