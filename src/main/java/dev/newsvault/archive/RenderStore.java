package dev.newsvault.archive;

import dev.newsvault.render.Rendering;
import dev.newsvault.render.Screenshot;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The write path of a rendered page: its DOM (once per distinct DOM), the fetch's render row and, when the
 * fetch made a new article version, that version's screenshot.
 */
final class RenderStore {

  private RenderStore() {}

  static void store(Statements st, StoreResult r, Rendering rendering, boolean forText) throws SQLException {
    byte[] dom = rendering.html().getBytes(StandardCharsets.UTF_8);
    String sha = ContentHash.of(dom).toString();
    PreparedStatement known = st.get("SELECT 1 FROM rendered_dom WHERE sha256=?");
    known.setString(1, sha);
    boolean have;
    try (ResultSet rs = known.executeQuery()) {
      have = rs.next();
    }
    String now = Instant.now().toString();
    if (!have) {
      PreparedStatement ps = st.get("INSERT OR IGNORE INTO rendered_dom(sha256, size, body_gzip, first_seen)"
          + " VALUES (?,?,?,?)");
      ps.setString(1, sha);
      ps.setInt(2, dom.length);
      ps.setBytes(3, CaptureStore.gzip(dom));
      ps.setString(4, now);
      ps.executeUpdate();
    }
    PreparedStatement ps = st.get("INSERT OR REPLACE INTO fetch_render(fetch_id, dom_sha256, final_url, for_text,"
        + " settled, refused_json, duration_ms) VALUES (?,?,?,?,?,?,?)");
    ps.setLong(1, r.fetchId());
    ps.setString(2, sha);
    ps.setString(3, rendering.finalUrl());
    ps.setInt(4, forText ? 1 : 0);
    ps.setInt(5, rendering.settled() ? 1 : 0);
    ps.setString(6, CaptureStore.json(rendering.refused()));
    ps.setLong(7, rendering.durationMs());
    ps.executeUpdate();
    Screenshot shot = rendering.screenshot();
    boolean newVersion = r.change() == StoreResult.Change.NEW || r.change() == StoreResult.Change.CHANGED;
    if (shot != null && newVersion) {
      PreparedStatement s = st.get("INSERT OR IGNORE INTO screenshot(article_id, version, fetch_id, media_type,"
          + " width, height, cut, image, taken_at) VALUES (?,?,?,?,?,?,?,?,?)");
      s.setLong(1, r.articleId());
      s.setInt(2, r.version());
      s.setLong(3, r.fetchId());
      s.setString(4, shot.mediaType());
      s.setInt(5, shot.width());
      s.setInt(6, shot.height());
      s.setInt(7, shot.cut() ? 1 : 0);
      s.setBytes(8, shot.image());
      s.setString(9, now);
      s.executeUpdate();
    }
  }
}
