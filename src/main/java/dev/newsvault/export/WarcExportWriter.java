package dev.newsvault.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ExportQuery;
import dev.newsvault.archive.ExportRow;
import dev.newsvault.archive.RenderQueries;
import dev.newsvault.archive.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
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
 * capture; for a page rendered in the browser, its rendered DOM and screenshot as resource records concurrent
 * to the capture too. A later fetch that returned the same bytes adds a {@code revisit} that refers to the response holding
 * them. Digests are SHA-256 in base32 ({@code sha256:…}). Record ids are
 * name-based UUIDs of what they hold, so the same archive and flags give the same bytes.
 */
final class WarcExportWriter implements RecordWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.parse("application/json");

  /** The archive's stored pages. */
  interface RawPages {
    /** The page stored under {@code sha256:…}, gzip-compressed as the archive keeps it. */
    Optional<byte[]> gzipped(String sha256) throws ArchiveException;

    /** The error that names a stored page that does not decompress. */
    IOException damaged(String sha256, IOException cause);
  }

  /** Where the response a repeated payload refers to was written: its target URI and WARC-Date. */
  record Original(String uri, Instant date) {}

  /** The archive side of revisits: identical re-fetches of a version, and the first response of a payload. */
  interface Revisits {
    List<ExportQuery.Recapture> recaptures(long versionId) throws ArchiveException;

    Original original(String rawSha256, long beforeVersionId) throws ArchiveException;
  }

  private final WarcWriter warc;
  /** With gzip, where each record is buffered and then compressed as its own member; else null. */
  private final FastGzip members;
  private final RawPages raw;
  private final Revisits revisits;
  private final RenderQueries renders;
  private final String userAgent;
  private final boolean withCluster;
  /** Payloads this export has given a response, tracked where the rows are read (they decide what to read). */
  private final LongHashSet payloadsWritten = new LongHashSet();
  /** Builds the records, digests and JSON and writes them, while this thread reads the next rows. */
  private final ExportWorker<Capture> builder;
  /** The metadata record's JSON, reused from record to record. */
  private final ByteArrayBuilder jsonBuffer = new ByteArrayBuilder(1 << 14);
  private final UUID warcinfoId;
  private final java.net.URI warcinfoUrn;

  WarcExportWriter(OutputStream out, boolean gzip, RawPages raw, Revisits revisits, RenderQueries renders,
      String userAgent, boolean withCluster, String filename, Instant date, String description) throws IOException {
    this.renders = renders;
    // records are compressed here rather than by jwarc, which uses zlib's slowest level (see FastGzip)
    this.members = gzip ? FastGzip.members(out) : null;
    this.warc = new WarcWriter(Channels.newChannel(gzip ? members : out), WarcCompression.NONE);
    this.raw = raw;
    this.revisits = revisits;
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
    this.warcinfoUrn = urn(warcinfoId);
    write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(warcinfoId).date(date)
        .filename(filename).body(MediaType.WARC_FIELDS, bytes).blockDigest(digest(bytes)).build());
    // started after the warcinfo record: from here on only the builder touches the WARC writer
    this.builder = new ExportWorker<>("export-warc", 64, this::build);
  }

  /**
   * What one version's records need from the archive, read on the export's thread before they are built on the
   * writer's: the page, whether this export writes its payload for the first time (else the response a revisit
   * refers to), the re-fetches that returned the same bytes, and what the browser showed.
   */
  private record Capture(ExportRecord record, byte[] gzipped, byte[] page, WarcDigest payload, boolean first, Original refersTo,
      List<ExportQuery.Recapture> recaptures, Optional<RenderQueries.StoredDom> dom,
      Optional<RenderQueries.StoredScreenshot> shot) {}

  /** Reads what the record needs from the archive here, and leaves building and writing it to the writer's thread. */
  @Override
  public void write(ExportRecord r) throws IOException {
    builder.put(read(r));
  }

  private Capture read(ExportRecord r) throws IOException {
    ExportRow v = r.row();
    byte[] gzipped = v.rawSha256() == null ? null : raw.gzipped(v.rawSha256()).orElse(null);
    if (gzipped == null) {
      return new Capture(r, null, null, null, false, null, List.of(), Optional.empty(), Optional.empty());
    }
    // the archive's own SHA-256 of these bytes: hashing them again would only repeat it; the page itself is
    // decompressed on the builder's thread, unless an old archive's hash is of another kind
    byte[] page = null;
    WarcDigest payload;
    if (v.rawSha256().startsWith("sha256:")) {
      payload = new WarcDigest("sha256", v.rawSha256().substring("sha256:".length()));
    } else {
      page = page(v.rawSha256(), gzipped);
      payload = digest(page);
    }
    boolean first = false;
    Original refersTo = null;
    List<ExportQuery.Recapture> recaptures = List.of();
    if (v.fetchStatus() > 0) {
      first = payloadsWritten.add(digestKey(payload));
      refersTo = first ? null : revisits.original(v.rawSha256(), v.versionId());
      recaptures = revisits.recaptures(v.versionId());
    }
    return new Capture(r, gzipped, page, payload, first, refersTo, recaptures,
        renders == null ? Optional.empty() : renders.domOfVersion(v.versionId()),
        renders == null ? Optional.empty() : renders.screenshot(v.articleId(), v.version()));
  }

  /** The stored page decompressed; a damaged one fails the export with its hash and the archive's name. */
  private byte[] page(String sha256, byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw raw.damaged(sha256, e);
    }
  }

  /** Builds and writes one version's records, on the writer's thread. */
  private void build(Capture c) throws IOException {
    ExportRecord r = c.record();
    ExportRow v = r.row();
    Instant date = date(v.fetchedAt());
    UUID captureId = null;
    if (c.gzipped() != null) {
      byte[] body = c.page() != null ? c.page() : page(v.rawSha256(), c.gzipped());
      WarcDigest payload = c.payload();
      if (v.fetchStatus() <= 0) {
        captureId = uuid("resource", v.url(), v.fetchedAt(), String.valueOf(v.version()));
        write(new WarcResource.Builder().version(MessageVersion.WARC_1_1).recordId(captureId).date(date)
            .setHeader("WARC-Target-URI", v.url()).warcinfoId(warcinfoUrn)
            .body(MediaType.parseLeniently(v.contentType() == null ? "application/octet-stream" : v.contentType()),
                body).blockDigest(payload).payloadDigest(payload).build());
      } else {
        UUID original = uuid("response", payload.base32());
        Original refersTo;
        if (c.first()) {
          captureId = original;
          refersTo = new Original(v.url(), date);
          byte[] header = HttpBlocks.responseHeader(v.fetchStatus(), v.contentType(), v.fetchHeaders(), body.length);
          byte[] block = concat(header, body);
          write(new WarcResponse.Builder(v.url()).version(MessageVersion.WARC_1_1).recordId(captureId)
              .date(date).warcinfoId(warcinfoUrn).body(MediaType.HTTP_RESPONSE, block)
              .blockDigest(digest(block)).payloadDigest(payload).build());
        } else {
          refersTo = c.refersTo();
          captureId = uuid("revisit", v.url(), v.fetchedAt(), String.valueOf(v.version()));
          revisit(captureId, v.url(), date, v.fetchStatus(), v.contentType(), v.fetchHeaders(), body.length,
              payload, original, refersTo);
        }
        request(v.url(), v.fetchedAt(), date, captureId);
        for (ExportQuery.Recapture again : c.recaptures()) {
          Instant when = date(again.fetchedAt());
          UUID id = uuid("revisit", again.url(), again.fetchedAt());
          revisit(id, again.url(), when, again.status(), again.contentType(), again.headers(), body.length, payload,
              original, refersTo);
          request(again.url(), again.fetchedAt(), when, id);
        }
      }
      rendered(c, v, date, captureId);
    }
    metadata(r, date, captureId);
  }

  /**
   * What the browser showed, as resource records concurrent to the capture, named as Browsertrix and
   * ReplayWeb.page name them: the screenshot at {@code urn:view:URL}, the rendered DOM at {@code urn:dom:URL}.
   */
  private void rendered(Capture c, ExportRow v, Instant date, UUID captureId) throws IOException {
    var dom = c.dom();
    if (dom.isPresent()) {
      byte[] html = dom.get().html();
      write(new WarcResource.Builder(java.net.URI.create("urn:dom:" + v.url())).version(MessageVersion.WARC_1_1)
          .recordId(uuid("dom", v.url(), v.fetchedAt(), String.valueOf(v.version()))).date(date)
          .warcinfoId(warcinfoUrn).concurrentTo(urn(captureId))
          .body(MediaType.parse("text/html;charset=utf-8"), html).blockDigest(digest(html)).payloadDigest(digest(html))
          .build());
    }
    var shot = c.shot();
    if (shot.isPresent()) {
      byte[] image = shot.get().image();
      write(new WarcResource.Builder(java.net.URI.create("urn:view:" + v.url())).version(MessageVersion.WARC_1_1)
          .recordId(uuid("view", v.url(), v.fetchedAt(), String.valueOf(v.version()))).date(date)
          .warcinfoId(warcinfoUrn).concurrentTo(urn(captureId))
          .body(MediaType.parse(shot.get().mediaType()), image).blockDigest(digest(image)).payloadDigest(digest(image))
          .build());
    }
  }

  /**
   * A revisit of profile identical-payload-digest (WARC 1.1 section 6.7.2): the response's HTTP header block
   * only, and where the payload it repeats was written.
   */
  private void revisit(UUID id, String url, Instant date, int status, String contentType, Map<String, String> headers,
      long bodyLength, WarcDigest payload, UUID original, Original refersTo) throws IOException {
    byte[] header = HttpBlocks.responseHeader(status, contentType, headers, bodyLength);
    WarcRevisit.Builder b = new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
        .version(MessageVersion.WARC_1_1).recordId(id).date(date).warcinfoId(warcinfoUrn)
        .refersTo(urn(original)).body(MediaType.HTTP_RESPONSE, header).blockDigest(digest(header))
        .payloadDigest(payload);
    if (refersTo != null) {
      b.setHeader("WARC-Refers-To-Target-URI", refersTo.uri());
      b.setHeader("WARC-Refers-To-Date", refersTo.date().toString());
    }
    write(b.build());
  }

  private void request(String url, String fetchedAt, Instant date, UUID captureId) throws IOException {
    byte[] block;
    try {
      block = HttpBlocks.request(url, userAgent);
    } catch (IllegalArgumentException e) {
      return; // a URL that is not a valid URI has no request line to rebuild; the response stands alone
    }
    write(new WarcRequest.Builder(url).version(MessageVersion.WARC_1_1)
        .recordId(uuid("request", url, fetchedAt, captureId.toString())).date(date)
        .warcinfoId(warcinfoUrn).concurrentTo(urn(captureId)).body(MediaType.HTTP_REQUEST, block)
        .blockDigest(digest(block)).build());
  }

  private void metadata(ExportRecord r, Instant date, UUID captureId) throws IOException {
    ExportRow v = r.row();
    jsonBuffer.reset();
    try (JsonGenerator g = JSON.getFactory().createGenerator(jsonBuffer)) {
      ArticleFields.writeJson(g, r, withCluster);
    }
    byte[] json = jsonBuffer.toByteArray();
    WarcMetadata.Builder b = new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
        .recordId(uuid("metadata", v.url(), v.fetchedAt(), String.valueOf(v.version()))).date(date)
        .targetURI(v.url()).warcinfoId(warcinfoUrn).body(JSON_TYPE, json).blockDigest(digest(json));
    if (captureId != null) {
      b.concurrentTo(urn(captureId));
    }
    if (withCluster && r.nearDupCluster() != null) {
      b.setHeader("WARC-Near-Dup-Cluster", String.valueOf(r.nearDupCluster()));
    }
    write(b.build());
  }

  /** Writes one record, as one gzip member when compressing. */
  private void write(WarcRecord record) throws IOException {
    warc.write(record);
    if (members != null) {
      members.endMember();
    }
  }

  @Override
  public void finish() throws IOException {
    builder.finish();
    warc.close();
  }

  @Override
  public void abort() {
    builder.abort();
    if (members != null) {
      members.abort();
    }
  }

  /** WARC-Date to milliseconds: enough to keep a capture and its re-fetch apart, no JVM nanoseconds. */
  private static Instant date(String fetchedAt) {
    Instant t = Timestamps.instantMillis(fetchedAt);
    return t == null ? Instant.EPOCH : t;
  }

  private static long digestKey(WarcDigest d) {
    byte[] b = d.bytes();
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (b[i] & 0xFF);
    }
    return k;
  }

  /**
   * SHA-256, so that a capture's WARC-Payload-Digest is the archive's own hash of the page bytes and the
   * exported record's {@code payload_digest} joins to it without reading the page.
   */
  static WarcDigest digest(byte[] bytes) {
    try {
      return new WarcDigest("sha256", MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
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
