package dev.newsvault.spark;

import dev.newsvault.archive.WarcOrigin;
import dev.newsvault.warc.CaptureRecord;
import java.io.Serializable;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;

/**
 * A revisit record its own file could not resolve, kept small for the join with the payloads of the whole input:
 * where it is, what it refers to, and the part of its HTTP header block that decides the page it becomes (status
 * and Content-Type; {@code status} is -1 when the record has no HTTP header block).
 */
record PendingRevisit(String recordId, String file, long offset, long order, String url, String date,
    String payloadDigest, String refersTo, int status, String contentType) implements Serializable {

  static PendingRevisit of(CaptureRecord c, HttpResponse http, long order) {
    WarcOrigin o = c.origin();
    return new PendingRevisit(o.recordId(), o.file(), o.offset(), order, o.url(), o.date().toString(),
        o.payloadDigest(), c.refersTo(), http == null ? -1 : http.status(),
        http == null ? null : http.headers().first("Content-Type").orElse(null));
  }

  /** The revisit made whole with the payload of its original, exactly as its own file would have resolved it. */
  CaptureRecord resolved(byte[] body) {
    HttpResponse http = null;
    if (status >= 0) {
      HttpResponse.Builder b = new HttpResponse.Builder(status, "");
      if (contentType != null) {
        b.addHeader("Content-Type", contentType);
      }
      http = b.build();
    }
    WarcOrigin o = new WarcOrigin(recordId, file, offset, "revisit", url, Instant.parse(date), payloadDigest);
    return new CaptureRecord(null, o, null, refersTo).resolved(body, http);
  }
}
