package dev.newsvault.warc;

import dev.newsvault.bench.SyntheticNewsSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MessageVersion;

/**
 * WARC files for the import and Spark benchmarks (never committed; written at bench time).
 *
 * <p>Usage: {@code BenchWarcs DIR RECORDS FILES synthetic|small} — synthetic: the crawl benchmark's 5,051 pages of
 * about 40 KB (article pages repeat with a new date and a changed paragraph once all were written), small: short
 * generated articles of about 6 KB, each different. Gzipped per record, request + response per page.
 */
public final class BenchWarcs {

  private BenchWarcs() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int records = Integer.parseInt(args[1]);
    int files = Integer.parseInt(args[2]);
    boolean synthetic = args[3].equals("synthetic");
    Files.createDirectories(dir);
    List<Map.Entry<String, byte[]>> pages = synthetic ? new ArrayList<>(SyntheticNewsSite.pages().entrySet()) : null;
    if (pages != null) {
      pages.removeIf(e -> e.getKey().equals("/robots.txt"));
      pages.sort(Map.Entry.comparingByKey());
    }
    int perFile = (records + files - 1) / files;
    Instant start = Instant.parse("2024-06-01T00:00:00Z");
    int n = 0;
    for (int f = 0; f < files; f++) {
      try (TestWarcs w = TestWarcs.create(dir.resolve(String.format("bench-%03d.warc.gz", f)), true,
          MessageVersion.WARC_1_1)) {
        for (int i = 0; i < perFile && n < records; i++, n++) {
          String url;
          byte[] body;
          if (synthetic) {
            Map.Entry<String, byte[]> e = pages.get(n % pages.size());
            int round = n / pages.size();
            url = "http://news.bench.example" + e.getKey();
            body = round == 0 ? e.getValue() : new String(e.getValue(), StandardCharsets.UTF_8)
                .replace("</article>", "<p>Update " + round + ": officials confirmed the figures on day " + round
                    + ".</p></article>").getBytes(StandardCharsets.UTF_8);
          } else {
            String host = "site" + (n % 97) + ".example";
            url = "https://" + host + "/news/" + n + ".html";
            body = NewsHtml.article(host, "Report " + n, NewsHtml.story(n, 250)).getBytes(StandardCharsets.UTF_8);
          }
          w.response(url, start.plusSeconds(n), 200, "text/html; charset=utf-8", body, null);
        }
      }
    }
    System.out.println("wrote " + n + " HTML records in " + files + " files to " + dir);
  }
}
