package dev.newsvault.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;
import org.sqlite.Function;

/**
 * The SQL functions with which migration 140 fills the export fields of the versions archived before it, as
 * {@link CaptureDigests} computes them for a new version: {@code page_categories(body_gzip, content_type)}, the
 * JSON list of the sections a stored raw page declares, and {@code text_simhash(text)}, the text's SimHash.
 */
final class ExportFieldsFill {

  private ExportFieldsFill() {}

  static void register(Connection c) throws SQLException {
    Function.create(c, "page_categories", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        byte[] gzip = value_blob(0);
        result(CaptureDigests.categoriesJson(gzip == null ? null : gunzip(gzip), value_text(1)));
      }
    });
    Function.create(c, "text_simhash", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        String text = value_text(0);
        result(SimHash.of(text == null ? "" : text));
      }
    });
  }

  /** A damaged raw page declares nothing: the upgrade goes on, as an export of it went on before. */
  private static byte[] gunzip(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
