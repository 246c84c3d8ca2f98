package dev.newsvault.fetch;

import java.time.Instant;
import java.util.Map;

/**
 * One fetch of one URL as it happened: what was asked, what came back, and why it failed if it did.
 *
 * @param url the URL asked for
 * @param finalUrl the URL the body came from after redirects (equals {@code url} when none)
 * @param status the HTTP status, or 0 when no response was received
 * @param fetchedAt when the response (or the failure) arrived
 * @param durationMs how long the fetch took
 * @param contentType the Content-Type header, or null
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param headers headers of note (lower-case names), never null
 * @param body the raw (decompressed) body, or null when none was kept
 * @param failure why the page was not archived, or null when it was fetched whole
 */
public record Capture(
    String url,
    String finalUrl,
    int status,
    Instant fetchedAt,
    long durationMs,
    String contentType,
    String etag,
    String lastModified,
    Map<String, String> headers,
    byte[] body,
    FetchFailure failure) {

  public Capture {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (finalUrl == null) {
      finalUrl = url;
    }
  }

  public boolean ok() {
    return failure == null;
  }

  /** A capture for a URL that produced no usable response. */
  public static Capture failed(String url, Instant at, FetchFailure failure) {
    return new Capture(url, url, 0, at, 0, null, null, null, Map.of(), null, failure);
  }

  public Capture withFailure(FetchFailure f) {
    return new Capture(url, finalUrl, status, fetchedAt, durationMs, contentType, etag, lastModified, headers, body, f);
  }
}
