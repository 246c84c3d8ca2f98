package dev.newsvault.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WARC written by another tool: GNU wget's --warc-file, mirroring a small site on 127.0.0.1. */
class ImportWgetTest {

  @TempDir Path dir;

  @Test
  void importsTheArticlesOfAWarcWrittenByWget() throws Exception {
    Path wget = wget();
    Map<String, String> pages = new LinkedHashMap<>();
    StringBuilder index = new StringBuilder("<!doctype html><html><head><title>Front</title></head><body><ul>");
    for (int i = 0; i < 5; i++) {
      String path = "/news/story-" + i + ".html";
      pages.put(path, NewsHtml.article("127.0.0.1", "Wget story " + i, NewsHtml.story(500 + i, 140)));
      index.append("<li><a href=\"").append(path).append("\">Story ").append(i).append("</a></li>");
    }
    index.append("<li><a href=\"/missing.html\">gone</a></li></ul><img src=\"/logo.png\"></body></html>");
    pages.put("/", index.toString());
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String p = ex.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      if (p.equals("/logo.png")) {
        ex.getResponseHeaders().set("Content-Type", "image/png");
        body = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0};
      } else if (pages.containsKey(p)) {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        body = pages.get(p).getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        ex.getResponseHeaders().set("Content-Type", "text/html");
        body = "<html><body>not here</body></html>".getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      Process p = new ProcessBuilder(wget.toString(), "--recursive", "--level=1", "--page-requisites",
          "--no-verbose", "-e", "robots=off", "--tries=1", "--timeout=30", "--directory-prefix",
          dir.resolve("mirror").toString(), "--warc-file", dir.resolve("site").toString(), base + "/")
          .redirectErrorStream(true).redirectOutput(dir.resolve("wget.log").toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("wget finished within 2 minutes").isTrue();
    } finally {
      server.stop(0);
    }
    Path warc = dir.resolve("site.warc.gz");
    assertThat(warc).as(Files.readString(dir.resolve("wget.log"))).exists();
    Path db = dir.resolve("wget.db");

    Cli r = Cli.run("import", "--db", db.toString(), warc.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("skipped, not HTML", "skipped, not a 2xx response");
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    for (int i = 0; i < 5; i++) {
      String path = "/news/story-" + i + ".html";
      String expected = ContentHash.ofText(extractor.extract(pages.get(path).getBytes(StandardCharsets.UTF_8),
          "text/html; charset=utf-8", base + path).text()).toString();
      assertThat(Db.rows(db, "SELECT v.text_sha256 FROM article_version v JOIN article a ON a.id=v.article_id"
          + " WHERE a.url='" + base + path + "'")).containsExactly(expected);
    }
    assertThat(Db.count(db, "SELECT count(*) FROM article")).isEqualTo(5);
    assertThat(Db.rows(db, "SELECT DISTINCT record_type FROM warc_origin")).containsExactly("response");
  }

  /** wget on the PATH; outside CI a missing wget skips the test (loudly), in CI it fails it. */
  private static Path wget() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "wget");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    if (System.getenv("CI") != null) {
      fail("wget is not installed; CI installs it (apt-get install -y wget) before the tests");
    }
    System.err.println("ImportWgetTest SKIPPED: wget is not installed (apt-get install wget); the import of a"
        + " WARC written by another tool is not tested");
    Assumptions.abort("wget is not installed");
    return null;
  }
}
