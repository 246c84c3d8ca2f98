package dev.newsvault.export;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where an export goes. A file or directory is written under a hidden temporary name in the same directory and
 * moved to its final name only when complete, so an interrupted or failed export never leaves a half-written
 * file under the name asked for; the temporary is deleted on failure and at JVM shutdown.
 */
final class OutputTarget {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path finalPath;
  private final Path temp;
  private final boolean directory;
  private final boolean gzip;
  private final PrintWriter stdoutText;
  private final Thread cleanup;
  private OutputStream stream;
  private boolean done;

  private OutputTarget(Path finalPath, Path temp, boolean directory, boolean gzip, PrintWriter stdoutText) {
    this.finalPath = finalPath;
    this.temp = temp;
    this.directory = directory;
    this.gzip = gzip;
    this.stdoutText = stdoutText;
    this.cleanup = temp == null ? null : new Thread(this::deleteTemp, "export-cleanup");
    if (cleanup != null) {
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
  }

  /** A file; {@code .gz} at the end of its name compresses it. */
  static OutputTarget file(Path path) throws IOException {
    Path abs = path.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new IOException("cannot write the export to " + abs + ": it is a directory; name a file");
    }
    Path temp = createTemp(parentOf(abs), "." + abs.getFileName() + ".", ".part", false);
    return new OutputTarget(abs, temp, false, abs.getFileName().toString().endsWith(".gz"), null);
  }

  /** A directory that must not exist yet or be empty. */
  static OutputTarget directory(Path path) throws IOException {
    Path abs = path.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new IOException("cannot write text files into " + abs + ": it is a file; name a directory, or use"
            + " a name ending in .txt for one text stream");
      }
      try (Stream<Path> s = Files.list(abs)) {
        if (s.findAny().isPresent()) {
          throw new IOException("the export directory " + abs + " is not empty; name a new or empty directory so"
              + " no earlier file is mixed with this export");
        }
      }
    }
    Path temp = createTemp(parentOf(abs), "." + abs.getFileName() + ".", "", true);
    return new OutputTarget(abs, temp, true, false, null);
  }

  /** Standard output as text, through the command's writer. */
  static OutputTarget stdoutText(PrintWriter out) {
    return new OutputTarget(null, null, false, false, out);
  }

  /** Standard output as bytes (WARC); a PrintWriter would re-encode them. */
  static OutputTarget stdoutBytes() {
    return new OutputTarget(null, null, false, false, null);
  }

  /**
   * A new file or directory under a random name. Unlike {@link Files#createTempFile}, which always makes
   * mode 0600, this creates it like any other file, so the finished export gets the mode the umask gives.
   */
  private static Path createTemp(Path parent, String prefix, String suffix, boolean dir) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
      try {
        return dir ? Files.createDirectory(p) : Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static Path parentOf(Path abs) throws IOException {
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IOException("cannot write the export to " + abs + ": the folder " + parent + " does not exist;"
          + " create it or choose another --out");
    }
    return parent;
  }

  boolean gzip() {
    return gzip;
  }

  /** The temporary directory text files go into, for directory targets. */
  Path directory() {
    return temp;
  }

  String displayName() {
    return finalPath == null ? "standard output" : finalPath.toString();
  }

  /** The bytes as they go to disk: WARC compresses per record itself. */
  OutputStream rawStream() throws IOException {
    if (stream == null) {
      stream = temp != null ? new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)
          : new BufferedOutputStream(new KeepOpen(new FileOutputStream(FileDescriptor.out)), 1 << 16);
    }
    return stream;
  }

  /** UTF-8 text, gzip-compressed ({@link FastGzip}) when the name asks for it. */
  Writer writer() throws IOException {
    if (stdoutText != null) {
      return new KeepOpenWriter(stdoutText);
    }
    OutputStream s = rawStream();
    if (gzip) {
      stream = FastGzip.stream(s);
      s = stream;
    }
    return new java.io.BufferedWriter(new java.io.OutputStreamWriter(s, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Closes the output and moves it to its final name. */
  void commit(Writer writer) throws IOException {
    if (writer != null) {
      writer.close();
    }
    if (stream != null) {
      stream.close();
    }
    if (temp != null) {
      if (directory && Files.isDirectory(finalPath)) {
        Files.delete(finalPath); // checked empty when the export began
      }
      try {
        Files.move(temp, finalPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, finalPath, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    done = true;
    removeHook();
  }

  /** Drops everything written: the final name is left as it was. */
  void abort() {
    try {
      if (stream != null) {
        stream.close();
      }
    } catch (IOException ignored) {
      // deleting it anyway
    }
    deleteTemp();
    done = true;
    removeHook();
  }

  private void removeHook() {
    if (cleanup != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException ignored) {
        // already shutting down: the hook runs
      }
    }
  }

  private void deleteTemp() {
    if (temp == null || done) {
      return;
    }
    try (Stream<Path> walk = Files.walk(temp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // nothing left to delete
    }
  }

  /** Standard output must stay open for the rest of the process. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static final class KeepOpenWriter extends java.io.FilterWriter {
    KeepOpenWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
