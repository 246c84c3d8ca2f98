package dev.newsvault.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** The write path of {@link Archive#store}: fetch row, raw page, article and version. */
final class CaptureStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Gzip level for stored pages and renderings. On the 343 news pages of a dates benchmark (135 KB each on average)
   * level 2 writes 22.8 % of the raw size in 0.88 ms a page, level 4 21.0 % in 1.31 ms, the default level 6 20.0 % in
   * 2.25 ms: a crawl or import compresses every page it archives, and at level 2 that is a third less CPU for pages 9 %
   * larger than level 4's (levels 1 to 3 are zlib's fast strategy; level 1 is no faster and larger still).
   */
  static final int GZIP_LEVEL = 2;

  private final Archive archive;
  private Statements statements;
  /** Set by a crawl: tells an extractor upgrade from an edit before a new version is stored (null: not asked). */
  private ArchivedExtraction upgrades;

  CaptureStore(Archive archive) {
    this.archive = archive;
  }

  /** The write path's statements, prepared once per archive; the archive holds its monitor around every use. */
  Statements statements() {
    if (statements == null) {
      statements = new Statements(archive.connection());
    }
    return statements;
  }

  /** Releases the kept statements; the archive calls it before closing its connection. */
  void close() {
    if (statements != null) {
      statements.close();
      statements = null;
    }
  }

  StoreResult store(long runId, Capture c, Article a) throws SQLException {
    return store(runId, c, a, null);
  }

  /** As {@link #store(long, Capture, Article)}, with the hashes and gzip computed beforehand (or null). */
  StoreResult store(long runId, Capture c, Article a, CaptureDigests d) throws SQLException {
    boolean hasArticle = c.ok() && a != null && !a.text().isBlank();
    if (d == null) {
      d = CaptureDigests.of(c, hasArticle ? a : null, false);
    }
    String rawSha = c.body() == null ? null : storeRaw(c, d);
    String outcome = !c.ok() ? (c.failure().kind().isSkip() ? "skipped" : "failed") : "archived";
    long fetchId = insertFetch(runId, c, rawSha, outcome);
    if (!c.ok()) {
      return new StoreResult(fetchId, StoreResult.Change.NONE, 0, 0);
    }
    if (!hasArticle) {
      return new StoreResult(fetchId, StoreResult.Change.NOT_ARTICLE, 0, 0);
    }
    return storeArticle(c, a, fetchId, rawSha, d);
  }

  private String storeRaw(Capture c, CaptureDigests d) throws SQLException {
    String sha = d != null ? d.rawSha() : ContentHash.of(c.body()).toString();
    PreparedStatement known = statements().get("SELECT 1 FROM raw_page WHERE sha256=?");
    known.setString(1, sha);
    try (ResultSet rs = known.executeQuery()) {
      if (rs.next()) {
        return sha; // stored once per distinct body: skip compressing it again
      }
    }
    PreparedStatement ps = statements().get(
        "INSERT OR IGNORE INTO raw_page(sha256, size, content_type, body_gzip, first_seen) VALUES (?,?,?,?,?)");
    ps.setString(1, sha);
    ps.setInt(2, c.body().length);
    ps.setString(3, c.contentType());
    ps.setBytes(4, d != null && d.rawGzip() != null ? d.rawGzip() : gzip(c.body()));
    ps.setString(5, Timestamps.stored(c.fetchedAt()));
    ps.executeUpdate();
    return sha;
  }

  private long insertFetch(long runId, Capture c, String rawSha, String outcome) throws SQLException {
    PreparedStatement ps = statements().get("INSERT INTO fetch(run_id, url, final_url, host, status,"
        + " fetched_at, duration_ms, content_type, etag, last_modified, headers_json, raw_sha256, outcome,"
        + " failure_kind, failure_detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (runId > 0) {
      ps.setLong(1, runId);
    } else {
      ps.setNull(1, Types.INTEGER);
    }
    ps.setString(2, c.url());
    ps.setString(3, c.finalUrl());
    ps.setString(4, host(c.url()));
    ps.setInt(5, c.status());
    ps.setString(6, Timestamps.stored(c.fetchedAt()));
    ps.setLong(7, c.durationMs());
    ps.setString(8, c.contentType());
    ps.setString(9, c.etag());
    ps.setString(10, c.lastModified());
    ps.setString(11, json(c.headers()));
    ps.setString(12, rawSha);
    ps.setString(13, outcome);
    ps.setString(14, c.ok() ? null : c.failure().kind().code());
    ps.setString(15, c.ok() ? null : c.failure().detail());
    ps.executeUpdate();
    return statements().lastRowId();
  }

  private StoreResult storeArticle(Capture c, Article a, long fetchId, String rawSha,
      CaptureDigests d) throws SQLException {
    String url = c.finalUrl();
    String textSha = d != null ? d.textSha() : ContentHash.ofText(a.text()).toString();
    String metaSha = d != null ? d.metaSha() : metaSha(a);
    String now = Timestamps.stored(c.fetchedAt());
    long articleId;
    int current;
    PreparedStatement find = statements().get("SELECT a.id, a.current_version, v.text_sha256, v.meta_sha256"
        + " FROM article a LEFT JOIN article_version v ON v.article_id=a.id AND v.version=a.current_version"
        + " WHERE a.url=?");
    find.setString(1, url);
    boolean unchanged = false;
    try (ResultSet rs = find.executeQuery()) {
      if (rs.next()) {
        articleId = rs.getLong(1);
        current = rs.getInt(2);
        unchanged = textSha.equals(rs.getString(3)) && metaSha.equals(rs.getString(4));
      } else {
        articleId = -1;
        current = 0;
      }
    }
    if (!unchanged && current > 0 && upgrades != null && explainedByUpgrade(articleId, current, textSha, metaSha)) {
      // the page is as archived; only the extractor that read it changed: no version, no notice
      unchanged = true;
    }
    if (unchanged) {
      touch(articleId, now, a.canonicalUrl());
      return new StoreResult(fetchId, StoreResult.Change.UNCHANGED, articleId, current);
    }
    if (articleId < 0) {
      articleId = insertArticle(url, a.canonicalUrl(), now);
    }
    int version = current + 1;
    insertVersion(statements(), articleId, version, textSha, metaSha, fetchId, rawSha, c, a, d);
    PreparedStatement ps = statements().get(
        "UPDATE article SET current_version=?, last_seen=?, canonical_url=COALESCE(?, canonical_url),"
            + " state='live' WHERE id=?");
    ps.setInt(1, version);
    ps.setString(2, now);
    ps.setString(3, a.canonicalUrl());
    ps.setLong(4, articleId);
    ps.executeUpdate();
    if (version > 1) {
      NoticeQueries.enqueue(statements(), articleId, version, now);
    }
    return new StoreResult(fetchId, version == 1 ? StoreResult.Change.NEW : StoreResult.Change.CHANGED,
        articleId, version);
  }

  void upgrades(ArchivedExtraction upgrades) {
    this.upgrades = upgrades;
  }

  private boolean explainedByUpgrade(long articleId, int current, String textSha, String metaSha)
      throws SQLException {
    try {
      return upgrades.explains(articleId, current, textSha, metaSha);
    } catch (ArchiveException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  private void touch(long id, String now, String canonical) throws SQLException {
    PreparedStatement ps = statements().get(
        "UPDATE article SET last_seen=?, state='live', canonical_url=COALESCE(canonical_url, ?) WHERE id=?");
    ps.setString(1, now);
    ps.setString(2, canonical);
    ps.setLong(3, id);
    ps.executeUpdate();
  }

  private long insertArticle(String url, String canonical, String now) throws SQLException {
    PreparedStatement ps = statements().get("INSERT INTO article(url, canonical_url, host, first_seen,"
        + " last_seen) VALUES (?,?,?,?,?)");
    ps.setString(1, url);
    ps.setString(2, canonical);
    ps.setString(3, host(url));
    ps.setString(4, now);
    ps.setString(5, now);
    ps.executeUpdate();
    return statements().lastRowId();
  }

  /** The hash of what besides the text makes a new version: the title and the byline. */
  static String metaSha(Article a) {
    return ContentHash.ofMeta(a.title(), a.authors()).toString();
  }

  /** Inserts a version; the export fields come from {@code d}, or are computed here when it is null. */
  static void insertVersion(Statements statements, long articleId, int version, String textSha, String metaSha,
      long fetchId, String rawSha, Capture c, Article a, CaptureDigests d) throws SQLException {
    PreparedStatement ps = statements.get("INSERT INTO article_version(article_id, version,"
        + " text_sha256, meta_sha256, fetch_id, raw_sha256, fetched_at, etag, last_modified, title, authors_json,"
        + " published, modified, site_name, language, description, tags_json, image_url, canonical_url, text,"
        + " word_count, language_detected, date_source, modified_source, markdown, categories_json, simhash)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 0;
    ps.setLong(++i, articleId);
    ps.setInt(++i, version);
    ps.setString(++i, textSha);
    ps.setString(++i, metaSha);
    ps.setLong(++i, fetchId);
    ps.setString(++i, rawSha);
    ps.setString(++i, Timestamps.stored(c.fetchedAt()));
    ps.setString(++i, c.etag());
    ps.setString(++i, c.lastModified());
    ps.setString(++i, a.title());
    ps.setString(++i, json(a.authors()));
    ps.setString(++i, a.published());
    ps.setString(++i, a.modified());
    ps.setString(++i, a.siteName());
    ps.setString(++i, a.language());
    ps.setString(++i, a.description());
    ps.setString(++i, json(a.tags()));
    ps.setString(++i, a.imageUrl());
    ps.setString(++i, a.canonicalUrl());
    ps.setString(++i, a.text());
    ps.setInt(++i, Words.count(a.text()));
    ps.setString(++i, a.languageDetected());
    ps.setString(++i, a.dateSource());
    ps.setString(++i, a.modifiedSource());
    ps.setString(++i, d != null && d.textSha() != null ? d.markdown() : CaptureDigests.storedMarkdown(a));
    ps.setString(++i, d != null && d.categoriesJson() != null ? d.categoriesJson()
        : CaptureDigests.categoriesJson(c.body(), c.contentType()));
    ps.setLong(++i, d != null && d.simhash() != null ? d.simhash() : SimHash.of(a.text()));
    ps.executeUpdate();
  }

  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * A list of strings as JSON, written by the mapper's own generator: the text {@code writeValueAsString} gives,
   * without looking up a serializer for every row the archive stores.
   */
  static String json(List<String> values) {
    if (values.isEmpty()) {
      return "[]"; // most pages' tags and sections: no generator for them
    }
    StringWriter out = new StringWriter(16 + 32 * values.size());
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v); // a null element is written as null, as the mapper writes it
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + values, e);
    }
    return out.toString();
  }

  /** As {@link #json(List)}, for an object of string fields in the map's order. */
  static String json(Map<String, String> fields) {
    StringWriter out = new StringWriter(16 + 48 * fields.size());
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, String> f : fields.entrySet()) {
        g.writeStringField(f.getKey(), f.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + fields, e);
    }
    return out.toString();
  }

  static byte[] gzip(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(GZIP_LEVEL);
      }
    }) {
      gz.write(in);
    } catch (IOException e) {
      throw new IllegalStateException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }
}
