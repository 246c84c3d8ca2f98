package dev.newsvault.archive;

import java.io.IOException;

/** The archive could not be opened, read or written; the message says which file and what to do. */
public class ArchiveException extends IOException {
  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
