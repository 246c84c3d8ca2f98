package dev.newsvault.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A multi-file WARC set for comparing the job with import + export: many hosts, articles that change between
 * files (versions), syndicated copies (exact duplicates at other URLs), lightly edited copies (near-duplicates),
 * revisits, images, 404s and a malformed record in the middle of the second and third file (gzipped and plain).
 * Every article ends with a {@value #NOTE_CLASS} paragraph, {@link #NOTE}, for extraction rules to remove. Files
 * are in date order, as a crawl writes them.
 */
final class CorpusWarcs {

  static final String NOTE_CLASS = "desk-note";
  static final String NOTE = "The harbor desk will follow the council budget talks again next week.";
  /** Malformed records written: one in the middle of files 1 and 2. */
  static final int MALFORMED = 2;

  /** Writes {@code dir/newsvault.properties}, whose rule removes the {@link #NOTE} paragraphs on {@code host}. */
  static Path notesRuleConfig(Path dir, String host) throws IOException {
    Path config = dir.resolve("newsvault.properties");
    Files.writeString(config, "extract.exclude." + host + "=p." + NOTE_CLASS + "\n");
    return config;
  }

  private static final String[] WORDS = ("council transit budget harbor mayor school river police court election"
      + " hospital storm bridge market housing rent teachers union strike vote report study residents officials"
      + " plan city ferry museum festival farmers harvest minister reform pension doctors nurses talks agreement"
      + " deadline summit border trade export factory jobs weather season league coach injury theatre").split(" ");

  private CorpusWarcs() {}

  /** Writes {@code files} WARC files of {@code perFile} articles each into {@code dir}; returns the HTML count. */
  static int write(Path dir, int files, int perFile) throws IOException {
    Files.createDirectories(dir);
    int html = 0;
    for (int f = 0; f < files; f++) {
      Path file = dir.resolve(String.format("corpus-%03d.warc%s", f, f % 3 == 2 ? "" : ".gz"));
      Instant day = Instant.parse("2024-04-01T00:00:00Z").plusSeconds(86_400L * f);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
          WarcWriter w = new WarcWriter(ch, f % 3 == 2 ? WarcCompression.NONE : WarcCompression.GZIP)) {
        for (int i = 0; i < perFile; i++) {
          int host = i % 17;
          // articles 0-19 are fetched again in every file; 0-4 change each time, the rest stay the same
          int story = i < 20 ? i : f * perFile + i;
          int edition = i < 5 ? f : 0;
          String url = "https://www.outlet" + host + ".example/news/" + story + ".html";
          String text = story(story * 7L + edition, 120 + story % 50);
          if (i % 23 == 22) {
            text = story((story - 1) * 7L, 120 + (story - 1) % 50); // syndicated: the previous story word for word
          } else if (i % 29 == 28) {
            text = story((story - 2) * 7L, 120 + (story - 2) % 50).replaceFirst("council", "councillors"); // edited copy
          }
          String page = page("Story " + story + (edition > 0 ? " (update " + edition + ")" : ""), text);
          Instant at = day.plusSeconds(i * 10L);
          URI id = response(w, url, at, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
          html++;
          if (i % 11 == 5) {
            revisit(w, url, at.plusSeconds(3600), id, page.getBytes(StandardCharsets.UTF_8));
            html++;
          }
          if (i == perFile / 2 && (f == 1 || f == 2)) {
            malformed(ch, f == 1);
          }
          if (i % 13 == 0) {
            response(w, "https://www.outlet" + host + ".example/img/" + i + ".jpg", at, 200, "image/jpeg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
            response(w, "https://www.outlet" + host + ".example/old/" + i, at, 404, "text/html",
                "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    return html;
  }

  static String story(long seed, int words) {
    StringBuilder b = new StringBuilder();
    long x = seed * 0x9E3779B97F4A7C15L + 17;
    for (int i = 0; i < words; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      String word = WORDS[(int) Math.floorMod(x, WORDS.length)];
      b.append(i % 12 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      b.append(i % 12 == 11 ? ". " : " ");
      if (i % 48 == 47) {
        b.append("\n\n");
      }
    }
    return b.toString().strip() + ".";
  }

  static String page(String title, String text) {
    StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(title).append("</title><meta name=\"author\" content=\"Sam Writer\"></head><body><nav><a href=\"/\">")
        .append("Home</a> <a href=\"/news\">News</a></nav><article><h1>").append(title).append("</h1>");
    for (String p : text.split("\n\n")) {
      b.append("<p>").append(p.strip()).append("</p>\n");
    }
    b.append("<p class=\"").append(NOTE_CLASS).append("\">").append(NOTE).append("</p>\n");
    return b.append("</article><footer>About us</footer></body></html>").toString();
  }

  /** Bytes that start like a record but are not one (in their own gzip member in a gzipped file). */
  private static void malformed(FileChannel ch, boolean gzip) throws IOException {
    byte[] junk = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: yesterday\r\nContent-Length: lots\r\n\r\n"
        + "not a record\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(out)) {
        g.write(junk);
      }
      junk = out.toByteArray();
    }
    ch.write(ByteBuffer.wrap(junk));
  }

  static URI response(WarcWriter w, String url, Instant at, int status, String type, byte[] body)
      throws IOException {
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
        + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] block = new byte[h.length + body.length];
    System.arraycopy(h, 0, block, 0, h.length);
    System.arraycopy(body, 0, block, h.length, body.length);
    URI id = URI.create("urn:uuid:" + UUID.nameUUIDFromBytes((url + at).getBytes(StandardCharsets.UTF_8)));
    w.write(new WarcResponse.Builder(url).version(MessageVersion.WARC_1_1).recordId(id).date(at)
        .body(MediaType.HTTP_RESPONSE, block).payloadDigest(sha1(body)).build());
    w.write(new WarcRequest.Builder(url).version(MessageVersion.WARC_1_1).date(at).concurrentTo(id)
        .body(MediaType.HTTP_REQUEST, ("GET / HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
        .build());
    return id;
  }

  static void revisit(WarcWriter w, String url, Instant at, URI original, byte[] body) throws IOException {
    w.write(new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).version(MessageVersion.WARC_1_1)
        .date(at).refersTo(original).body(MediaType.HTTP_RESPONSE,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
        .payloadDigest(sha1(body)).build());
  }

  private static WarcDigest sha1(byte[] b) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
