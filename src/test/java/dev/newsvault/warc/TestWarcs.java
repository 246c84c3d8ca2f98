package dev.newsvault.warc;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** Writes WARC files the way crawlers do, including the records import must skip, for tests and benchmarks. */
final class TestWarcs implements Closeable {

  private final FileChannel channel;
  private final WarcWriter writer;
  private final boolean gzip;
  private final MessageVersion version;

  private TestWarcs(Path file, boolean gzip, MessageVersion version) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    this.gzip = gzip;
    this.version = version;
    this.writer = new WarcWriter(channel, gzip ? WarcCompression.GZIP : WarcCompression.NONE);
  }

  static TestWarcs create(Path file, boolean gzip, MessageVersion version) throws IOException {
    TestWarcs w = new TestWarcs(file, gzip, version);
    w.writer.write(new Warcinfo.Builder().version(version).date(Instant.parse("2024-03-01T00:00:00Z"))
        .filename(file.getFileName().toString()).fields(java.util.Map.of("software", java.util.List.of("test")))
        .build());
    return w;
  }

  /** An HTML 200 response; returns its record id. */
  URI html(String url, Instant date, String html) throws IOException {
    return response(url, date, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
  }

  URI response(String url, Instant date, int status, String contentType, byte[] body, String truncated)
      throws IOException {
    return response(id(), url, date, status, contentType, body, truncated);
  }

  URI response(URI id, String url, Instant date, int status, String contentType, byte[] body, String truncated)
      throws IOException {
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\nServer: test\r\n\r\n";
    byte[] block = concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    WarcResponse.Builder b = new WarcResponse.Builder(url).version(version).recordId(id).date(date)
        .body(MediaType.HTTP_RESPONSE, block).payloadDigest(sha1(body));
    if (truncated != null) {
      b.setHeader("WARC-Truncated", truncated);
    }
    writer.write(b.build());
    request(url, date, id);
    return id;
  }

  /** A response sent chunked and gzip-encoded, as recorded from the wire. */
  URI chunkedGzip(String url, Instant date, String html) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    byte[] enc = gz.toByteArray();
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    int half = enc.length / 2;
    chunked.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(enc, 0, half);
    chunked.write(("\r\n" + Integer.toHexString(enc.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(enc, half, enc.length - half);
    chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Encoding: gzip\r\n\r\n";
    URI id = id();
    writer.write(new WarcResponse.Builder(url).version(version).recordId(id).date(date)
        .body(MediaType.HTTP_RESPONSE, concat(head.getBytes(StandardCharsets.ISO_8859_1), chunked.toByteArray()))
        .build());
    return id;
  }

  void request(String url, Instant date, URI concurrentTo) throws IOException {
    URI u = URI.create(url);
    byte[] block = ("GET " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nUser-Agent: test\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    writer.write(new WarcRequest.Builder(url).version(version).recordId(id()).date(date).concurrentTo(concurrentTo)
        .body(MediaType.HTTP_REQUEST, block).build());
  }

  void metadata(String url, Instant date, URI concurrentTo) throws IOException {
    writer.write(new WarcMetadata.Builder().version(version).recordId(id()).date(date).targetURI(url)
        .concurrentTo(concurrentTo).body(MediaType.WARC_FIELDS, "fetchTimeMs: 120\r\n".getBytes(StandardCharsets.UTF_8))
        .build());
  }

  /** An identical-payload-digest revisit of {@code original}, whose payload was {@code html}. */
  URI revisit(String url, Instant date, URI original, String html) throws IOException {
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    URI id = id();
    writer.write(new WarcRevisit.Builder(url, version == MessageVersion.WARC_1_0
        ? WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_0 : WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
        .version(version).recordId(id).date(date).refersTo(original)
        .body(MediaType.HTTP_RESPONSE, head).payloadDigest(sha1(html.getBytes(StandardCharsets.UTF_8))).build());
    return id;
  }

  /** Bytes that start like a record but are not one (in their own gzip member when the file is gzipped). */
  void malformed() throws IOException {
    byte[] junk = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: yesterday\r\nContent-Length: lots\r\n\r\nnot a record\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(out)) {
        g.write(junk);
      }
      junk = out.toByteArray();
    }
    channel.write(ByteBuffer.wrap(junk));
  }

  static URI id() {
    return URI.create("urn:uuid:" + UUID.randomUUID());
  }

  static WarcDigest sha1(byte[] b) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
