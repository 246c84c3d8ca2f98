package dev.newsvault.export;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.ExportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * One file per article version in a directory: text files, or Markdown files with front matter in a folder per
 * host. Names come from host, path and version, reduced to {@code [A-Za-z0-9._-]}, and end with 8 hex digits of
 * the URL's hash, so two URLs never share a name and no name can leave the directory.
 */
final class TextDirectoryWriter implements RecordWriter {

  private static final int MAX_STEM = 120;

  private final Path root;
  private final String extension;
  private final Function<ExportRecord, String> content;
  private final boolean byHost;

  /** Text files, all in {@code dir}. */
  TextDirectoryWriter(Path dir) {
    this(dir, ".txt", r -> TextStreamWriter.body(r.row()), false);
  }

  private TextDirectoryWriter(Path dir, String extension, Function<ExportRecord, String> content, boolean byHost) {
    this.root = dir.toAbsolutePath().normalize();
    this.extension = extension;
    this.content = content;
    this.byHost = byHost;
  }

  /** Markdown files with YAML front matter, in a folder per host. */
  static TextDirectoryWriter markdown(Path dir) {
    return new TextDirectoryWriter(dir, ".md", MarkdownStreamWriter::document, true);
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    ExportRow v = r.row();
    String name = fileName(v.url(), v.version()).replace(".txt", extension);
    Path dir = byHost ? root.resolve(folder(v.host())).normalize() : root;
    if (!root.equals(dir.getParent()) && !root.equals(dir)) {
      throw new IOException("refusing to write " + dir + " outside the export directory " + root);
    }
    Files.createDirectories(dir);
    byte[] bytes = content.apply(r).getBytes(StandardCharsets.UTF_8);
    for (int n = 1; ; n++) {
      Path file = dir.resolve(n == 1 ? name : name.replace(extension, "-" + n + extension)).normalize();
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

  /** The host as a folder name: {@code [a-z0-9.-]}, never "." or "..". */
  static String folder(String host) {
    String f = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_")
        .replaceAll("^[._-]+", "").replaceAll("\\.{2,}", "_");
    return f.isEmpty() ? "unknown-host" : f;
  }

  @Override
  public void finish() {
    // every file is complete when written
  }
}
