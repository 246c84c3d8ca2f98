package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages whose markup or bytes are hostile or wrong: NUL bytes, a huge attribute, a 10 MB single line, wrong,
 * absent, unknown and conflicting charsets, binary bytes labelled as HTML. Each is crawled beside a normal
 * article: the page ends as the expected article (with the right title) or as a recorded failure, the normal
 * article is archived, and the archive's earlier article is kept.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileMarkupTest {

  @RegisterExtension static final NormalSite normal = new NormalSite();

  private static byte[] bytes(String s, Charset cs) {
    return s.getBytes(cs);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static String withMeta(String title, String meta) {
    return Vault.article(title, "").replace("<meta charset=\"utf-8\">", meta);
  }

  /**
   * name, Content-Type, body, max.page.bytes, expected: "title:T" (an article whose title starts with T),
   * "kind:K" (a failure of kind K naming the URL) or "page" (archived, not as an article).
   */
  static Stream<Arguments> cases() {
    String nul = Vault.article("Storm\u0000 closes the harbour", "<p>\u0000\u0000\u0000</p>");
    String hugeAttribute = Vault.article("Bridge repairs start in May", "<div data-x=\"" + "a".repeat(800_000)
        + "\">x</div>");
    String longLine = Vault.article("Night buses return to the old town", "<!-- " + "x".repeat(10_000_000)
        + " -->").replace("\n", " ");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    return Stream.of(
        // The crawl takes a page with NUL bytes for binary: raw bytes kept, recorded as parse, not archived.
        Arguments.of("NUL bytes in title and text", "text/html; charset=utf-8", bytes(nul, StandardCharsets.UTF_8),
            1_000_000, "kind:parse"),
        Arguments.of("an 800 KB attribute", "text/html; charset=utf-8",
            bytes(hugeAttribute, StandardCharsets.UTF_8), 1_000_000, "title:Bridge repairs start in May"),
        Arguments.of("a 10 MB single line", "text/html; charset=utf-8", bytes(longLine, StandardCharsets.UTF_8),
            12_000_000, "title:Night buses return to the old town"),
        Arguments.of("no charset anywhere but the meta of ISO-8859-1", "text/html",
            bytes(withMeta("Grüße aus Kiel", "<meta charset=\"iso-8859-1\">"), StandardCharsets.ISO_8859_1),
            1_000_000, "title:Grüße aus Kiel"),
        Arguments.of("a UTF-8 BOM against a header saying ISO-8859-1", "text/html; charset=iso-8859-1",
            concat(bom, bytes(withMeta("Grüße aus Kiel", ""), StandardCharsets.UTF_8)), 1_000_000,
            "title:Grüße aus Kiel"),
        Arguments.of("windows-1252 bytes labelled UTF-8", "text/html; charset=utf-8",
            bytes(withMeta("Café owners protest", ""), Charset.forName("windows-1252")), 1_000_000, "title:Caf"),
        Arguments.of("an unknown charset label", "text/html; charset=x-no-such-charset",
            bytes(withMeta("Ferry fares rise", ""), StandardCharsets.UTF_8), 1_000_000, "title:Ferry fares rise"),
        Arguments.of("PNG bytes labelled as HTML", "text/html",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0},
            1_000_000, "kind:parse"),
        Arguments.of("an empty body", "text/html; charset=utf-8", new byte[0], 1_000_000, "page"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aHostilePageEndsAsExpectedAndTheCrawlGoesOn(String name, String type, byte[] body, int maxBytes,
      String expected, @TempDir Path dir) throws Exception {
    normal.site().route("/hostile", RawSite.answer(200, type == null ? Map.of() : Map.of("Content-Type", type), body));
    Vault v = Vault.copyOf(normal.template(), dir);
    Vault.Run r = v.crawl(List.of(normal.site().url("/hostile"), normal.site().url("/normal")), "--set", "max.page.bytes=" + maxBytes);

    assertThat(r.code()).as(r.all()).isZero();
    Vault.Fetch f = v.fetch(normal.site().url("/hostile"));
    assertThat(f).isNotNull();
    if (expected.startsWith("title:")) {
      assertThat(f.kind()).as(f.detail()).isNull();
      assertThat(v.title(normal.site().url("/hostile"))).startsWith(expected.substring(6));
    } else if (expected.startsWith("kind:")) {
      assertThat(f.kind()).isEqualTo(expected.substring(5));
      assertThat(f.detail()).contains(normal.site().url("/hostile"));
    } else {
      assertThat(f.kind()).as(f.detail()).isNull();
      assertThat(v.archived(normal.site().url("/hostile"))).isTrue();
    }
    assertThat(v.versions(normal.site().url("/normal"))).isEqualTo(1);
    v.earlierKept(normal.site());
  }
}
