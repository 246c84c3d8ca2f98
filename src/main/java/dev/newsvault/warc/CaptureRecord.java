package dev.newsvault.warc;

import dev.newsvault.archive.WarcOrigin;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * A WARC capture record (response or revisit) read into what the crawl would have fetched: a {@link Capture}
 * timed at WARC-Date with the decoded HTTP payload, or the reason it is not an HTML page. A revisit carries no
 * payload; it is resolved later, against what the archive already imported.
 *
 * @param capture the page, or null for a revisit still to be resolved or a skipped record
 * @param skip why the record is skipped, or null
 * @param refersTo for a revisit: the WARC-Refers-To record id, or null
 */
public record CaptureRecord(Capture capture, WarcOrigin origin, SkipKind skip, String refersTo) {

  /** Headers a crawl's capture would not hold: they describe a transfer or a session, not the page. */
  private static final Set<String> DROPPED_HEADERS = Set.of("set-cookie", "transfer-encoding", "connection",
      "keep-alive");

  /** Reads a response or revisit record; a revisit comes back unresolved ({@link #isRevisit()}). */
  public static CaptureRecord of(WarcCaptureRecord r, String file, long offset, long maxBytes) throws IOException {
    String id = r.headers().first("WARC-Record-ID").orElse("<offset:" + file + ":" + offset + ">");
    String url = r.target();
    Instant date = r.date();
    String payloadDigest = r.headers().first("WARC-Payload-Digest").orElse(null);
    String type = r instanceof WarcRevisit ? "revisit" : "response";
    WarcOrigin origin = new WarcOrigin(id, file, offset, type, url, date, payloadDigest);
    if (r.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
      return skip(origin, SkipKind.TRUNCATED);
    }
    if (!r.contentType().base().equals(MediaType.HTTP)) {
      return skip(origin, SkipKind.NOT_HTML);
    }
    if (r instanceof WarcRevisit rev) {
      return new CaptureRecord(null, origin, null, rev.refersTo().map(u -> "<" + u + ">").orElse(null));
    }
    HttpResponse http = ((WarcResponse) r).http();
    if (http.status() < 200 || http.status() > 299) {
      return skip(origin, SkipKind.HTTP_STATUS);
    }
    String contentType = http.headers().first("Content-Type").orElse(null);
    if (!ContentTypes.isHtml(contentType)) {
      return skip(origin, SkipKind.NOT_HTML);
    }
    byte[] body;
    try (InputStream in = http.bodyDecoded().stream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (body.length > maxBytes) {
      return skip(origin, SkipKind.TOO_LARGE);
    }
    if (contentType == null && !ContentTypes.looksLikeHtml(body)) {
      return skip(origin, SkipKind.NOT_HTML);
    }
    return new CaptureRecord(capture(url, date, http, body), origin, null, null);
  }

  /** A revisit made whole with the payload of the record it repeats, or skipped when that is not a page. */
  public CaptureRecord resolved(byte[] body, HttpResponse http) {
    int status = http == null || http.status() < 200 || http.status() > 299 ? 200 : http.status();
    String contentType = http == null ? null : http.headers().first("Content-Type").orElse(null);
    if (!ContentTypes.isHtml(contentType) || contentType == null && !ContentTypes.looksLikeHtml(body)) {
      return skip(origin, SkipKind.NOT_HTML);
    }
    Map<String, String> headers = http == null ? Map.of() : headers(http);
    Capture c = new Capture(origin.url(), origin.url(), status, origin.date(), 0, contentType,
        headers.get("etag"), headers.get("last-modified"), headers, body, null);
    return new CaptureRecord(c, origin, null, null);
  }

  /** A revisit whose payload is still to be found. */
  public boolean isRevisit() {
    return capture == null && skip == null;
  }

  public static CaptureRecord skip(WarcOrigin origin, SkipKind kind) {
    return new CaptureRecord(null, origin, kind, null);
  }

  private static Capture capture(String url, Instant date, HttpResponse http, byte[] body) {
    Map<String, String> headers = headers(http);
    return new Capture(url, url, http.status(), date, 0, headers.get("content-type"), headers.get("etag"),
        headers.get("last-modified"), headers, body, null);
  }

  private static Map<String, String> headers(HttpResponse http) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : http.headers().map().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!DROPPED_HEADERS.contains(name)) {
        out.merge(name, String.join(", ", e.getValue()), (a, b) -> a + ", " + b);
      }
    }
    return out;
  }
}
