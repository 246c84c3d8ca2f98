package dev.newsvault.check.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.Capture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A generated news site on 127.0.0.1 for bench/check.sh, and an archive of all its articles. Each page is
 * about 35 KB (navigation, a long article, related links, footer) and differs from the others by its story
 * number. The archive is filled directly with {@link Archive#store}: the page of story 0 is extracted once
 * and the others' text is derived by replacing the story number, which is what the extractor would give.
 *
 * <p>The site answers conditional GETs with 304 while the file {@code DIR/mode} says {@code 304}, and always
 * with the full page (200, same text) while it says {@code 200}. usage: CheckBenchServer DIR COUNT
 */
public final class CheckBenchServer {

  private static final String TOKEN = "000000";
  private static final String LAST_MODIFIED = "Fri, 20 Nov 2026 08:15:00 GMT";

  private final String[] parts;
  private volatile boolean notModified = true;

  private CheckBenchServer() {
    parts = page(TOKEN).split(TOKEN, -1);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CheckBenchServer DIR COUNT");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    CheckBenchServer site = new CheckBenchServer();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", site::handle);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    long t0 = System.nanoTime();
    site.fill(dir.resolve("bench.db"), base, count);
    System.out.printf(Locale.ROOT, "archived %d articles of %d bytes each in %.1f s at %s%n", count,
        site.page(TOKEN).getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - t0) / 1e9, base);
    Path modeFile = dir.resolve("mode");
    Files.writeString(modeFile, "304");
    Files.writeString(dir.resolve("ready"), base);
    while (true) {
      site.notModified = !Files.readString(modeFile).strip().equals("200");
      Thread.sleep(100);
    }
  }

  private void fill(Path db, String base, int count) throws Exception {
    String html0 = String.join(TOKEN, parts);
    Article a0 = new ArticleExtractor(ExtractionRules.NONE)
        .extract(html0.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", base + "/news/" + TOKEN);
    if (!a0.text().contains(TOKEN) || a0.text().split(" ").length < 1000) {
      throw new IllegalStateException("the generated page does not extract as expected: " + a0.text().length());
    }
    try (Archive archive = Archive.open(db)) {
      long run = archive.startRun("crawl", "bench/check.sh fill");
      for (int n = 0; n < count; n++) {
        String id = id(n);
        String url = base + "/news/" + id;
        byte[] body = String.join(id, parts).getBytes(StandardCharsets.UTF_8);
        Capture c = new Capture(url, url, 200, Instant.now(), 1, "text/html; charset=utf-8", etag(id), LAST_MODIFIED,
            Map.of(), body, null);
        Article a = new Article(url, null, a0.title().replace(TOKEN, id), a0.authors(), a0.published(), a0.modified(),
            a0.siteName(), a0.language(), a0.description(), a0.tags(), a0.imageUrl(), a0.text().replace(TOKEN, id));
        archive.store(run, c, a);
      }
      archive.finishRun(run, new RunSummary("finished", count, count, 0, 0));
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      if (!path.startsWith("/news/") || path.length() != "/news/".length() + TOKEN.length()) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      String id = path.substring("/news/".length());
      x.getResponseHeaders().set("ETag", etag(id));
      x.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
      if (notModified && etag(id).equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
        x.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = String.join(id, parts).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String id(int n) {
    return String.format(Locale.ROOT, "%06d", n);
  }

  private static String etag(String id) {
    return "\"" + id + "-v1\"";
  }

  private String page(String id) {
    StringBuilder b = new StringBuilder(40_000);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ").append(id)
        .append(": harbour authority publishes its annual review | The Bench Gazette</title>")
        .append("<meta property=\"og:site_name\" content=\"The Bench Gazette\">")
        .append("<meta name=\"author\" content=\"Sam Example\"></head><body><header><nav><ul>");
    for (String s : new String[] {"News", "Politics", "Business", "Sport", "Culture", "Science", "Opinion"}) {
      b.append("<li><a href=\"/").append(s.toLowerCase(Locale.ROOT)).append("\">").append(s).append("</a></li>");
    }
    b.append("</ul></nav></header><main><article><h1>Story ").append(id)
        .append(": harbour authority publishes its annual review</h1><div class=\"byline\">By Sam Example</div>")
        .append("<div class=\"story-body\"><p>Story ").append(id)
        .append(" opens with the harbour authority's annual review, published on Thursday.</p>");
    for (int i = 1; i <= 56; i++) {
      b.append("<p>Paragraph ").append(i).append(" of the review describes how the harbour handled more ships than")
          .append(" in any year since the new quay opened, how the dredging of the northern channel went, and what")
          .append(" the authority plans for the coming winter. Pilots reported fewer delays, the ferry company")
          .append(" added two sailings a day in summer, and the fishing fleet landed slightly less than last year")
          .append(" because of the storms in October. The authority's chair said the results showed the value of")
          .append(" steady investment, while the port users' association asked for lower fees for small boats")
          .append(" and better lighting on the eastern pier, which several members described as dangerous.</p>");
    }
    b.append("</div></article><aside class=\"related\"><h2>Related</h2><ul>");
    for (int i = 1; i <= 12; i++) {
      b.append("<li><a href=\"/news/related-").append(i).append("\">Related story number ").append(i)
          .append(" about the harbour</a></li>");
    }
    b.append("</ul></aside></main><footer><p>© 2026 The Bench Gazette</p></footer></body></html>");
    return b.toString();
  }
}
