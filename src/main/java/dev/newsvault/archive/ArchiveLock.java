package dev.newsvault.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock beside the database ({@code <db>.lock}), so a second newsvault process gets a
 * clear message instead of interleaving its writes. The OS drops the lock if the process dies, so a crash
 * never leaves the archive locked.
 */
final class ArchiveLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private ArchiveLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  static ArchiveLock acquire(Path db) throws ArchiveException {
    Path file = db.resolveSibling(db.getFileName() + ".lock");
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        String holder = readHolder(file);
        ch.close();
        throw new ArchiveLockedException("archive " + db + " is in use by another newsvault process"
            + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; wait for it to finish, or point this command at another archive with --db PATH");
      }
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      ch.force(false);
      return new ArchiveLock(file, ch, l);
    } catch (ArchiveException e) {
      throw e;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new ArchiveException("cannot create the lock file " + file + ": " + e.getMessage()
          + "; check that its folder exists and is writable", e);
    }
  }

  private static String readHolder(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the channel close below releases it too
    }
    closeQuietly(channel);
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale lock file holds no lock; the next open takes it
    }
  }
}
