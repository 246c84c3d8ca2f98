package dev.newsvault.export;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.ExportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One text file per article version in a directory. Names come from host, path and version, reduced to
 * {@code [A-Za-z0-9._-]}, and end with 8 hex digits of the URL's hash, so two URLs never share a name and no
 * name can leave the directory.
 */
final class TextDirectoryWriter implements RecordWriter {

  private static final int MAX_STEM = 120;

  private final Path dir;

  TextDirectoryWriter(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    ExportRow v = r.row();
    String name = fileName(v.url(), v.version());
    byte[] bytes = TextStreamWriter.body(v).getBytes(StandardCharsets.UTF_8);
    for (int n = 1; ; n++) {
      Path file = dir.resolve(n == 1 ? name : name.replace(".txt", "-" + n + ".txt")).normalize();
      if (!dir.equals(file.getParent())) {
        throw new IOException("refusing to write " + file + " outside the export directory " + dir);
      }
      try {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return;
      } catch (FileAlreadyExistsException e) {
        // a hash collision on 32 bits: keep both under distinct names
      }
    }
  }

  /** {@code host_path_vN_hash.txt}: readable, safe on every common file system, unique per URL. */
  static String fileName(String url, int version) {
    String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    String stem = rest.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.{2,}", "_").replaceAll("_{2,}", "_")
        .replaceAll("^[._-]+", "")
        .replaceAll("[._-]+$", "");
    if (stem.length() > MAX_STEM) {
      stem = stem.substring(0, MAX_STEM);
    }
    if (stem.isEmpty()) {
      stem = "article";
    }
    String hash = ContentHash.of(url.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 8);
    return stem + "_v" + version + "_" + hash + ".txt";
  }

  @Override
  public void finish() {
    // every file is complete when written
  }
}
