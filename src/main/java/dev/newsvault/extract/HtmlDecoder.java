package dev.newsvault.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes HTML bytes: byte-order mark first; then the declared charsets, the HTTP {@code Content-Type}
 * charset and a {@code <meta>} declaration in the first 4 KB, when they agree or only one of them
 * speaks; when they disagree, or neither says anything, the bytes decide: valid UTF-8 is UTF-8, else
 * a statistical detector (juniversalchardet, Mozilla's) names the charset, else windows-1252. Labels
 * are mapped as browsers do (latin1 and ascii mean windows-1252), so a page never comes out as
 * mojibake just because its declaration was sloppy.
 */
public final class HtmlDecoder {

  private static final int META_SCAN_BYTES = 4096;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private HtmlDecoder() {}

  public static DecodedPage decode(byte[] body, String contentTypeHeaderOrNull) {
    byte[] bytes = body == null ? new byte[0] : body;
    DecodedPage bom = decodeBom(bytes);
    if (bom != null) {
      return bom;
    }
    Charset header = fromHeader(contentTypeHeaderOrNull);
    Charset meta = fromMeta(bytes);
    if (header != null && (meta == null || meta.equals(header))) {
      return new DecodedPage(text(bytes, header), header, "header");
    }
    if (header == null && meta != null) {
      return new DecodedPage(text(bytes, meta), meta, "meta");
    }
    if (bytes.length == 0) {
      return new DecodedPage("", header == null ? StandardCharsets.UTF_8 : header, "default");
    }
    String utf8 = strictUtf8(bytes);
    if (utf8 != null) {
      return new DecodedPage(utf8, StandardCharsets.UTF_8, isAscii(bytes) ? "default" : "detected");
    }
    Charset detected = detectNonUtf8(bytes);
    if (header != null && !detected.equals(header) && !detected.equals(meta)) {
      // The detector is a guess; when it backs neither declaration, the server's word stands.
      return new DecodedPage(text(bytes, header), header, "header");
    }
    return new DecodedPage(text(bytes, detected), detected, "detected");
  }

  /**
   * The charset of undeclared text: UTF-8 when the bytes are valid UTF-8, else what the statistical
   * detector finds, else windows-1252 (what browsers assume for Western pages).
   */
  public static Charset detect(byte[] bytes) {
    return strictUtf8(bytes) != null ? StandardCharsets.UTF_8 : detectNonUtf8(bytes);
  }

  private static Charset detectNonUtf8(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    Charset cs = name == null ? null : forLabel(name, false);
    return cs == null || cs.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : cs;
  }

  private static String text(byte[] bytes, Charset charset) {
    return charset.equals(StandardCharsets.UTF_8) ? Utf8Decoder.decode(bytes) : new String(bytes, charset);
  }

  private static DecodedPage decodeBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new DecodedPage(
          new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom");
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new DecodedPage(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom");
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new DecodedPage(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom");
    }
    return null;
  }

  static Charset fromHeader(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? forLabel(m.group(1), false) : null;
  }

  private static Charset fromMeta(byte[] bytes) {
    // Declarations are ASCII, so reading the prefix as ISO-8859-1 is safe whatever the real charset.
    String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? forLabel(m.group(1), true) : null;
  }

  /**
   * Maps a charset label the way browsers do. A meta tag claiming UTF-16 is treated as UTF-8, since
   * bytes that could be read to find the tag as ASCII cannot be UTF-16.
   */
  static Charset forLabel(String label, boolean fromMeta) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    switch (l) {
      case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "iso_8859-1",
          "cp1252", "windows-1252", "x-cp1252", "cp819" -> {
        return WINDOWS_1252;
      }
      case "utf8", "utf-8", "unicode-1-1-utf-8" -> {
        return StandardCharsets.UTF_8;
      }
      default -> { }
    }
    if (fromMeta && l.startsWith("utf-16")) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.isSupported(l) ? Charset.forName(l) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String strictUtf8(byte[] bytes) {
    // The String constructor's decoder is the JDK's fastest; it puts U+FFFD where the bytes are not UTF-8.
    // Without a U+FFFD in its result the bytes were valid; with one, the strict decoder tells a real
    // U+FFFD in the page from a replaced byte.
    String lenient = Utf8Decoder.decode(bytes);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
