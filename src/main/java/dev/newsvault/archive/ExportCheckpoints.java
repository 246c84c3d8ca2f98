package dev.newsvault.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Named export checkpoints: the highest article_version id a complete export under that name had seen. Needs
 * the writable {@link Archive}; the caller moves a checkpoint only once its output is complete.
 */
public final class ExportCheckpoints {

  private final Archive archive;

  public ExportCheckpoints(Archive archive) {
    if (archive.isReadOnly()) {
      throw new IllegalArgumentException("export checkpoints need the archive open for writing");
    }
    this.archive = archive;
  }

  /** The last version id exported under {@code name}, or empty when no export used that name yet. */
  public OptionalLong last(String name) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "SELECT last_version_id FROM export_checkpoint WHERE name=?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("read export checkpoint '" + name + "'", e);
      }
    }
  }

  /** Records that an export under {@code name} completed having seen versions up to {@code lastVersionId}. */
  public void move(String name, long lastVersionId, long records, String format, String filters)
      throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("INSERT INTO export_checkpoint(name,"
          + " last_version_id, exported_at, records, format, filters) VALUES (?,?,?,?,?,?) ON CONFLICT(name) DO"
          + " UPDATE SET last_version_id=excluded.last_version_id, exported_at=excluded.exported_at,"
          + " records=excluded.records, format=excluded.format, filters=excluded.filters")) {
        ps.setString(1, name);
        ps.setLong(2, lastVersionId);
        ps.setString(3, Timestamps.stored(Instant.now()));
        ps.setLong(4, records);
        ps.setString(5, format);
        ps.setString(6, filters);
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("move export checkpoint '" + name + "'", e);
      }
    }
    archive.flush();
  }
}
