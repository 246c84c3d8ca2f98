package dev.newsvault.fetch;

import java.util.Locale;
import java.util.Map;

/**
 * Headers and cookies sent to one host only (a site's consent or subscription cookie, an API key header),
 * never to another host, also not after a redirect there. The values are secrets: {@link #toString()} names
 * the headers and cookies but never shows a value, so they cannot reach a log line.
 *
 * @param host the host they are sent to (lower case)
 * @param headers header name to value
 * @param cookies cookie name to value
 */
public record HostRequests(String host, Map<String, String> headers, Map<String, String> cookies) {

  /** Nothing extra. */
  public static final HostRequests NONE = new HostRequests("", Map.of(), Map.of());

  public HostRequests {
    host = host.toLowerCase(Locale.ROOT);
    headers = Map.copyOf(headers);
    cookies = Map.copyOf(cookies);
  }

  public boolean isEmpty() {
    return headers.isEmpty() && cookies.isEmpty();
  }

  /** Whether these apply to a request to {@code otherHost}. */
  public boolean appliesTo(String otherHost) {
    return !isEmpty() && otherHost != null && host.equals(otherHost.toLowerCase(Locale.ROOT));
  }

  /** The Cookie header value, or null when there are no cookies. */
  public String cookieHeader() {
    if (cookies.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    cookies.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    return b.toString();
  }

  @Override
  public String toString() {
    return "HostRequests[" + host + ", headers " + headers.keySet() + ", cookies " + cookies.keySet()
        + " (values hidden)]";
  }
}
