package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of 100,000 nested {@code <div>}s (about 1 MB): once it kept a crawl thread busy for minutes and
 * {@code extract} never finished. Beside a normal page it is recorded with failure kind too_deep (raw bytes
 * kept), the normal page is archived, and the crawl finishes; {@code extract} of the file ends with its text.
 */
class HostileNestingTest {

  @TempDir Path dir;

  static String nestedPage(int levels) {
    StringBuilder b = new StringBuilder(levels * 16).append("<html><head><title>Deep page</title></head><body>");
    for (int i = 0; i < levels; i++) {
      b.append("<div>w").append(i).append(' ');
    }
    for (int i = 0; i < levels; i++) {
      b.append("</div>");
    }
    return b.append("</body></html>").toString();
  }

  @Test
  void aHundredThousandNestedDivsBesideANormalPageAreRecordedAsTooDeepAndTheCrawlFinishes() throws Exception {
    try (HostileCrashSupport site = new HostileCrashSupport(dir, 0)) {
      byte[] deep = nestedPage(100_000).getBytes(StandardCharsets.UTF_8);
      site.server.createContext("/news/deep", ex -> {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, deep.length);
        ex.getResponseBody().write(deep);
        ex.close();
      });
      Files.writeString(dir.resolve("seeds").resolve("news.txt"),
          site.url("/") + "\tdepth=1\n" + site.url("/news/deep") + "\tdepth=0\n");

      HostileCrashSupport.Result r = assertTimeoutPreemptively(Duration.ofMinutes(3),
          () -> site.run(site.args("crawl", "--set", "max.page.bytes=4000000")));

      assertThat(r.code()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("partial");
      assertThat(site.column("SELECT failure_kind FROM fetch WHERE url LIKE '%/news/deep'"))
          .containsExactly("too_deep");
      assertThat(site.column("SELECT failure_detail FROM fetch WHERE url LIKE '%/news/deep'").get(0))
          .contains("levels deep", "raw bytes kept");
      assertThat(site.count("SELECT COUNT(*) FROM fetch WHERE url LIKE '%/news/deep' AND raw_sha256 IS NOT NULL"))
          .as("the hostile page's bytes are kept").isEqualTo(1);
      assertThat(site.count("SELECT COUNT(*) FROM article")).as("every normal page archived")
          .isEqualTo(HostileCrashSupport.ARTICLES);
      HostileCrashSupport.Result stats = site.run(site.args("stats"));
      assertThat(stats.out()).contains("too_deep");
    }
  }

  @Test
  void extractOfTheNestedFileEndsWithItsText() throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.html"), nestedPage(100_000));
    Path normal = Files.writeString(dir.resolve("normal.html"), "<html><head><title>Normal</title></head><body>"
        + "<article><h1>Normal</h1><p>The council met on Tuesday.</p></article></body></html>");

    HostileCrashSupport.Result r = assertTimeoutPreemptively(Duration.ofMinutes(2),
        () -> new HostileCrashSupport.Cli().run("extract", "--format", "jsonl", deep.toString(), normal.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"Deep page\"", "\"Normal\"");
  }
}
