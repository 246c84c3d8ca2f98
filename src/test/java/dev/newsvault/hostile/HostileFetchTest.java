package dev.newsvault.hostile;

import static dev.newsvault.hostile.RawSite.answer;
import static dev.newsvault.hostile.RawSite.head;
import static dev.newsvault.hostile.RawSite.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transport, redirect and content-type attacks on one URL, crawled beside a normal article into an archive
 * that already holds an earlier one: the hostile URL is recorded with its own failure kind and a message that
 * names it, the normal article is archived, the earlier one is kept, and the crawl ends normally.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileFetchTest {

  @RegisterExtension static final NormalSite normal = new NormalSite();

  static Stream<Arguments> cases() throws IOException {
    byte[] zeros = new byte[64 * 1024];
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      for (int i = 0; i < 20 * 16; i++) { // 20 MiB of zeros in about 20 KiB
        gz.write(zeros);
      }
    }
    byte[] bombBytes = bomb.toByteArray();
    return Stream.of(
        // transport
        Arguments.of("slow body dripping a byte at a time", (RawSite.Route) (s, out) -> {
          head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n");
          for (int i = 0; i < 600; i++) {
            out.write('<');
            out.flush();
            Thread.sleep(100);
          }
        }, "timeout", "within the timeouts"),
        Arguments.of("endless chunked body", (RawSite.Route) (s, out) -> {
          head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
          byte[] chunk = ("10000\r\n" + "<p>x</p>".repeat(8192) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 100_000; i++) { // about 6 GiB: far more than any limit
            out.write(chunk);
          }
        }, "too_large", "sent more than 1000000 bytes"),
        Arguments.of("declared length over max.page.bytes", (RawSite.Route) (s, out) -> {
          head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000000000\r\n\r\n<html>");
        }, "too_large", "declares 5000000000 bytes"),
        Arguments.of("gzip bomb in transit", answer(200, Map.of("Content-Type", "text/html",
            "Content-Encoding", "gzip"), bombBytes), "too_large", "over max.page.bytes=1000000"),
        Arguments.of("corrupt gzip body", answer(200, Map.of("Content-Type", "text/html",
            "Content-Encoding", "gzip"), "this is not gzip at all, just text".getBytes(StandardCharsets.UTF_8)),
            "io", "compression is corrupt"),
        Arguments.of("connection reset in the middle of the body", (RawSite.Route) (s, out) -> {
          head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000\r\n\r\n<html><p>");
          out.write(new byte[2000]);
          out.flush();
          s.setSoLinger(true, 0); // close with RST
          s.close();
        }, "io", "/hostile"),
        Arguments.of("Content-Length longer than the body", (RawSite.Route) (s, out) -> {
          head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000\r\n\r\n<html><p>short");
        }, "io", "cut short"),
        Arguments.of("no answer at all", (RawSite.Route) (s, out) -> Thread.sleep(20_000),
            "timeout", "within the timeouts"),
        Arguments.of("not HTTP at all", (RawSite.Route) (s, out) -> head(out, "SSH-2.0-OpenSSH_9.6\r\n\r\n"),
            "io", "/hostile"),
        Arguments.of("a 300 KB header line", (RawSite.Route) (s, out) -> head(out,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Junk: " + "a".repeat(300_000) + "\r\nContent-Length: 6"
                + "\r\n\r\n<html>"), "io", "/hostile"),
        // redirects
        Arguments.of("redirect loop", redirect("/hostile-b"), "redirect_loop", "redirect loop"),
        Arguments.of("too many redirects", redirect("/hop-1"), "redirect_loop", "more than 5 redirects"),
        Arguments.of("redirect to a file: URL", redirect("file:///etc/passwd"), "io", "no usable Location"),
        Arguments.of("redirect to a javascript: URL", redirect("javascript:alert(1)"), "io", "no usable Location"),
        Arguments.of("redirect without Location", answer(301, Map.of(), new byte[0]), "io", "no usable Location"),
        // content types
        Arguments.of("HTML labelled as an image", RawSite.ok("image/png", Vault.article("Not an image", "")
            .getBytes(StandardCharsets.UTF_8)), "not_html", "image/png, not HTML"),
        Arguments.of("binary body without a content type", RawSite.ok(null, new byte[] {(byte) 0x89, 'P', 'N',
            'G', 13, 10, 26, 10, 0, 0, 0, 13}), "not_html", "does not look like HTML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aHostileUrlIsRecordedAndTheCrawlGoesOn(String name, RawSite.Route route, String kind, String detail,
      @TempDir Path dir) throws Exception {
    normal.site().route("/hostile", route);
    normal.site().route("/hostile-b", redirect("/hostile"));
    for (int i = 1; i <= 10; i++) {
      normal.site().route("/hop-" + i, redirect("/hop-" + (i + 1)));
    }
    Vault v = Vault.copyOf(normal.template(), dir);
    Vault.Run r = v.crawl(List.of(normal.site().url("/hostile"), normal.site().url("/normal")));

    assertThat(r.code()).as(r.all()).isZero();
    Vault.Fetch f = v.fetch(normal.site().url("/hostile"));
    assertThat(f).as(r.all()).isNotNull();
    assertThat(f.kind()).as(f.detail()).isEqualTo(kind);
    assertThat(f.detail()).contains(detail).contains("127.0.0.1:" + normal.site().port());
    assertThat(v.versions(normal.site().url("/normal"))).as("normal article archived").isEqualTo(1);
    v.earlierKept(normal.site());
    assertThat(r.all()).doesNotContain("Exception in thread", "OutOfMemoryError");
  }
}
