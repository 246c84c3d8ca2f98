package dev.newsvault.export;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rebuilds the HTTP/1.1 messages of a capture from what the archive kept: the status, Content-Type and the
 * headers of note. The body is stored decoded, so Content-Encoding and Transfer-Encoding are dropped and
 * Content-Length is the length of the body written.
 */
final class HttpBlocks {

  private static final Set<String> DROPPED = Set.of("content-length", "content-encoding", "transfer-encoding",
      "content-type", "connection", "keep-alive");
  /** An HTTP header name (RFC 9110 token), lower case; compiled once, as every record checks its headers. */
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");
  private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
      Map.entry(201, "Created"), Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
      Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(304, "Not Modified"), Map.entry(404, "Not Found"), Map.entry(410, "Gone"));

  private HttpBlocks() {}

  /** The response status line and headers, ending with the blank line. */
  static byte[] responseHeader(int status, String contentType, Map<String, String> headers, long bodyLength) {
    StringBuilder b = new StringBuilder(256);
    b.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
    for (Map.Entry<String, String> h : new TreeMap<>(headers).entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!DROPPED.contains(name) && TOKEN.matcher(name).matches() && h.getValue() != null) {
        b.append(canonical(name)).append(": ").append(clean(h.getValue())).append("\r\n");
      }
    }
    if (contentType != null && !contentType.isBlank()) {
      b.append("Content-Type: ").append(clean(contentType)).append("\r\n");
    }
    b.append("Content-Length: ").append(bodyLength).append("\r\n\r\n");
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A GET for {@code url} as newsvault sends it. */
  static byte[] request(String url, String userAgent) {
    URI u = URI.create(url);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (u.getRawQuery() != null) {
      path += "?" + u.getRawQuery();
    }
    String host = u.getRawAuthority() == null ? "" : u.getRawAuthority().replaceFirst("^[^@]*@", "");
    String s = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + clean(userAgent)
        + "\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8\r\nAccept-Encoding: gzip\r\n\r\n";
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String canonical(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean up = true;
    for (char c : name.toCharArray()) {
      b.append(up ? Character.toUpperCase(c) : c);
      up = c == '-';
    }
    return b.toString();
  }

  /** Header values go on one line in ISO-8859-1: no CR/LF injection, no characters that cannot be encoded. */
  private static String clean(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      b.append(c == '\r' || c == '\n' || c > 0xFF ? ' ' : c);
    }
    return b.toString().strip();
  }
}
