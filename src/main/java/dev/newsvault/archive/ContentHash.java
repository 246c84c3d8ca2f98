package dev.newsvault.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A SHA-256 digest, written {@code sha256:<hex>}: of raw bytes for captures, of normalized text for articles. */
public record ContentHash(String hex) {

  private static final String PREFIX = "sha256:";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
    }
  }

  public static ContentHash of(byte[] bytes) {
    try {
      return new ContentHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The hash of text after {@link #normalize(String)} and without its volatile pieces (counters, relative
   * times; see {@link VolatileSegments}): edits that a reader cannot see, and counts that change on every
   * visit, do not change it.
   */
  public static ContentHash ofText(String text) {
    return of(normalize(VolatileSegments.strip(text)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hash of what besides the text makes a new version: the title and the byline. The archive stores it with
   * every version; {@code check} compares it to tell an edit of the page from an upgrade of the extractor.
   */
  public static ContentHash ofMeta(String title, List<String> authors) {
    return ofText((title == null ? "" : title) + "\n" + String.join("; ", authors));
  }

  /** Parses {@code sha256:<hex>} or a bare hex digest. */
  public static ContentHash parse(String s) {
    return new ContentHash(s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s);
  }

  /**
   * Folds what does not change meaning: Unicode compatibility forms (NFKC), curly quotes and dashes,
   * non-breaking and zero-width spaces, and runs of white space. Stored hashes depend on every detail of
   * this, so it must never change what it returns; it only skips work: text that is NFKC already (nearly
   * all of it) is not normalized again, and white space is folded in the same pass as the rest.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    int length = s.length();
    char[] out = new char[length + 1]; // a trailing run of white space adds one space at most
    int n = 0;
    boolean space = false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      char folded;
      if (c < 0x80) {
        folded = c == '`' ? '\'' : c; // in ASCII only the backtick folds, and only the space is a space character
      } else {
        folded = switch (c) {
          case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4' -> '\'';
          case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
          case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
          case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> '\0';
          default -> Character.isSpaceChar(c) ? ' ' : c;
        };
        if (folded == '\0') {
          continue; // invisible: dropped without ending a run of white space
        }
      }
      if (isRegexSpace(folded)) {
        space = true; // a run of white space becomes one space, as \s+ to " " would make it
        continue;
      }
      if (space) {
        out[n++] = ' ';
        space = false;
      }
      out[n++] = folded;
    }
    if (space) {
      out[n++] = ' ';
    }
    return new String(out, 0, n).strip();
  }

  /** The characters of the regex class {@code \s}: ASCII white space only. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  @Override
  public String toString() {
    return PREFIX + hex;
  }
}
