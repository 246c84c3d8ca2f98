package dev.newsvault.cli;

/** newsvault's exit codes, documented in the README. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** The command ran, but some items failed (pages, files, URLs); each was reported. */
  public static final int PARTIAL = 1;
  /** Bad command line, config key or value. */
  public static final int USAGE = 2;
  /** The archive is in use by another newsvault process. */
  public static final int LOCKED = 3;
  /** A file or the archive could not be read or written. */
  public static final int IO = 4;
  /** newsvault check: at least one article changed, is gone or moved (whether or not others failed). */
  public static final int CHANGED = 10;
  /** An unexpected internal error (a bug: please report it with the message). */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}
}
