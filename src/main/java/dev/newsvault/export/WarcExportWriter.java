package dev.newsvault.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ExportRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC/1.1 through jwarc. Per exported version: a {@code request} (GET with newsvault's User-Agent), the
 * {@code response} with the archived page (or a {@code revisit}, profile identical-payload-digest, when that
 * payload was already written), and a {@code metadata} record holding the article as JSON, concurrent to the
 * capture. Digests are SHA-1 in base32 ({@code sha1:…}), the convention jwarc and Heritrix use. Record ids are
 * name-based UUIDs of what they hold, so the same archive and flags give the same bytes.
 */
final class WarcExportWriter implements RecordWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.parse("application/json");

  interface RawPages {
    Optional<byte[]> get(String sha256) throws ArchiveException;
  }

  private final WarcWriter warc;
  private final RawPages raw;
  private final String userAgent;
  private final boolean withCluster;
  private final LongHashSet payloadsWritten = new LongHashSet();
  private final UUID warcinfoId;

  WarcExportWriter(OutputStream out, boolean gzip, RawPages raw, String userAgent, boolean withCluster,
      String filename, Instant date, String description) throws IOException {
    this.warc = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE);
    this.raw = raw;
    this.userAgent = userAgent;
    this.withCluster = withCluster;
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of("newsvault export"));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("conformsTo",
        List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    fields.put("description", List.of("newsvault article export: " + description));
    fields.put("http-header-user-agent", List.of(userAgent));
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(k).append(": ").append(v.get(0)).append("\r\n"));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    this.warcinfoId = uuid("warcinfo", date.toString(), description);
    warc.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(warcinfoId).date(date)
        .filename(filename).body(MediaType.WARC_FIELDS, bytes).blockDigest(sha1(bytes)).build());
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    ExportRow v = r.row();
    Instant date = date(v.fetchedAt());
    Optional<byte[]> page = v.rawSha256() == null ? Optional.empty() : raw.get(v.rawSha256());
    UUID captureId = null;
    if (page.isPresent()) {
      byte[] body = page.get();
      WarcDigest payload = sha1(body);
      if (v.fetchStatus() <= 0) {
        captureId = uuid("resource", v.url(), v.fetchedAt(), String.valueOf(v.version()));
        warc.write(new WarcResource.Builder().version(MessageVersion.WARC_1_1).recordId(captureId).date(date)
            .setHeader("WARC-Target-URI", v.url()).warcinfoId(urn(warcinfoId))
            .body(MediaType.parseLeniently(v.contentType() == null ? "application/octet-stream" : v.contentType()),
                body).blockDigest(payload).payloadDigest(payload).build());
      } else {
        byte[] header = HttpBlocks.responseHeader(v.fetchStatus(), v.contentType(), v.fetchHeaders(), body.length);
        UUID original = uuid("response", payload.base32());
        if (payloadsWritten.add(digestKey(payload))) {
          captureId = original;
          byte[] block = concat(header, body);
          warc.write(new WarcResponse.Builder(v.url()).version(MessageVersion.WARC_1_1).recordId(captureId)
              .date(date).warcinfoId(urn(warcinfoId)).body(MediaType.HTTP_RESPONSE, block)
              .blockDigest(sha1(block)).payloadDigest(payload).build());
        } else {
          captureId = uuid("revisit", v.url(), v.fetchedAt(), String.valueOf(v.version()));
          warc.write(new WarcRevisit.Builder(v.url(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
              .version(MessageVersion.WARC_1_1).recordId(captureId).date(date).warcinfoId(urn(warcinfoId))
              .refersTo(urn(original)).body(MediaType.HTTP_RESPONSE, header).blockDigest(sha1(header))
              .payloadDigest(payload).build());
        }
        request(v, date, captureId);
      }
    }
    metadata(r, date, captureId);
  }

  private void request(ExportRow v, Instant date, UUID captureId) throws IOException {
    byte[] block;
    try {
      block = HttpBlocks.request(v.url(), userAgent);
    } catch (IllegalArgumentException e) {
      return; // a URL that is not a valid URI has no request line to rebuild; the response stands alone
    }
    warc.write(new WarcRequest.Builder(v.url()).version(MessageVersion.WARC_1_1)
        .recordId(uuid("request", v.url(), v.fetchedAt(), String.valueOf(v.version()))).date(date)
        .warcinfoId(urn(warcinfoId)).concurrentTo(urn(captureId)).body(MediaType.HTTP_REQUEST, block)
        .blockDigest(sha1(block)).build());
  }

  private void metadata(ExportRecord r, Instant date, UUID captureId) throws IOException {
    ExportRow v = r.row();
    byte[] json = JSON.writeValueAsBytes(ArticleFields.of(r, withCluster));
    WarcMetadata.Builder b = new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
        .recordId(uuid("metadata", v.url(), v.fetchedAt(), String.valueOf(v.version()))).date(date)
        .targetURI(v.url()).warcinfoId(urn(warcinfoId)).body(JSON_TYPE, json).blockDigest(sha1(json));
    if (captureId != null) {
      b.concurrentTo(urn(captureId));
    }
    if (withCluster && r.nearDupCluster() != null) {
      b.setHeader("WARC-Near-Dup-Cluster", String.valueOf(r.nearDupCluster()));
    }
    warc.write(b.build());
  }

  @Override
  public void finish() throws IOException {
    warc.close();
  }

  private static Instant date(String fetchedAt) {
    try {
      return Instant.parse(fetchedAt);
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }

  private static long digestKey(WarcDigest d) {
    byte[] b = d.bytes();
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (b[i] & 0xFF);
    }
    return k;
  }

  static WarcDigest sha1(byte[] bytes) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  private static java.net.URI urn(UUID id) {
    return java.net.URI.create("urn:uuid:" + id);
  }

  private static UUID uuid(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
