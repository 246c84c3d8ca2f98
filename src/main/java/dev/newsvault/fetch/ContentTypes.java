package dev.newsvault.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What counts as HTML: text/html and XHTML by header, or a body that starts like an HTML document. */
public final class ContentTypes {
  private ContentTypes() {}

  /** Whether a Content-Type header names HTML or XHTML; a missing header is decided by the body. */
  public static boolean isHtml(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String t = contentType.toLowerCase(Locale.ROOT).strip();
    return t.startsWith("text/html") || t.startsWith("application/xhtml+xml") || t.startsWith("application/xhtml");
  }

  /** Whether the first bytes look like an HTML document (for responses without a Content-Type). */
  public static boolean looksLikeHtml(byte[] body) {
    int n = Math.min(body.length, 1024);
    String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
        || head.contains("<body") || head.contains("<p>") || head.contains("<div");
  }
}
