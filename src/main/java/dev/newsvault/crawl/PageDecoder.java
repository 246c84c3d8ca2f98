package dev.newsvault.crawl;

import dev.newsvault.extract.DecodedPage;
import dev.newsvault.extract.HtmlDecoder;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a page from its raw bytes (crawler4j's own decoding gets header-only and meta-only charsets
 * wrong) and says when the result cannot be trusted: a declared charset newsvault cannot decode on bytes
 * that are not UTF-8 would be archived as mojibake, and NUL bytes mean a binary file served as HTML.
 */
final class PageDecoder {

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  /** A decoded page, or why it is not archived (the raw bytes are kept either way). */
  record Result(DecodedPage page, FetchFailure failure) {}

  private PageDecoder() {}

  static Result decode(Capture c) {
    byte[] body = c.body() == null ? new byte[0] : c.body();
    if (isBinary(body)) {
      return new Result(null, FetchFailure.of(FetchFailure.Kind.PARSE, c.finalUrl() + " is served as "
          + c.contentType() + " but its body is binary (NUL bytes), not HTML; raw bytes kept, not archived"));
    }
    DecodedPage page = HtmlDecoder.decode(body, c.contentType());
    if (page.charsetSource().equals("detected") && !page.charset().equals(StandardCharsets.UTF_8)) {
      String declared = declared(c.contentType(), body);
      if (declared != null) {
        return new Result(page, FetchFailure.of(FetchFailure.Kind.CHARSET, c.finalUrl() + " declares charset '"
            + declared + "', which Java cannot decode, and its bytes are not UTF-8; raw bytes kept, text not"
            + " archived"));
      }
    }
    return new Result(page, null);
  }

  /** The charset label a page declares in its Content-Type or a meta tag, or null. */
  static String declared(String contentType, byte[] body) {
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        return m.group(1);
      }
    }
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static boolean isBinary(byte[] body) {
    if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
        || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)) {
      return false;
    }
    int n = Math.min(body.length, 1024);
    for (int i = 0; i < n; i++) {
      if (body[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
