package dev.newsvault.archive;

/** Every read connection stayed busy for too long: the reader is overloaded, try again later. */
public final class ArchiveBusyException extends ArchiveException {
  public ArchiveBusyException(String message) {
    super(message);
  }
}
