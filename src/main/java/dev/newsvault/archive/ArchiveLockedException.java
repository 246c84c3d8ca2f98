package dev.newsvault.archive;

/** Another process holds the archive open for writing. */
public class ArchiveLockedException extends ArchiveException {
  public ArchiveLockedException(String message) {
    super(message);
  }
}
