package dev.newsvault.warc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.netpreserve.jwarc.MessageVersion;

/**
 * A WARC set shaped like a public news crawl: many hosts, request/response/metadata triples, one gzipped
 * WARC/1.1 file and one plain WARC/1.0 file, revisits, and the records import must skip (images, 404s, a truncated
 * response, a malformed record, a duplicate record, a revisit of a record that is not there), plus a file that is
 * not a WARC at all. Articles changed between the files, and some of the older captures are in the second file,
 * so the versions only come out right when import orders them by WARC-Date.
 */
final class NewsCrawlWarcs {

  static final int HOSTS = 12;
  static final int FIRST = 5; // articles per host in the first file
  static final int SECOND = 3; // new articles per host in the second file
  static final int CHANGED = 6; // articles of the first file that changed before the second
  static final Instant T1 = Instant.parse("2024-03-01T10:00:00Z");
  static final Instant T2 = Instant.parse("2024-03-02T10:00:00Z");
  static final Instant T3 = Instant.parse("2024-03-03T10:00:00Z");

  final Path first;
  final Path second;
  final Path broken;
  /** The HTML responses import must archive: articles, revisits and the chunked page. */
  int pages;
  int notHtml;
  int notOk;
  URI someResponse;
  String someResponseUrl;

  NewsCrawlWarcs(Path dir) throws IOException {
    first = dir.resolve("news-00.warc.gz");
    second = dir.resolve("news-01.warc");
    broken = dir.resolve("news-02.warc.gz");
    try (TestWarcs w = TestWarcs.create(first, true, MessageVersion.WARC_1_1)) {
      for (int h = 0; h < HOSTS; h++) {
        for (int a = 0; a < FIRST; a++) {
          String url = url(h, a);
          URI id = w.html(url, T1.plusSeconds(h * 60L + a), page(h, a, 0));
          w.metadata(url, T1, id);
          pages++;
          if (h == 0 && a == 0) {
            someResponse = id;
            someResponseUrl = url;
          }
          if (a == 0) {
            // the same page again a day later: a revisit (identical payload), unchanged
            w.revisit(url, T2.plusSeconds(h), id, page(h, a, 0));
            pages++;
          }
        }
        w.response("https://" + host(h) + "/logo.png", T1, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            null);
        notHtml++;
        w.response("https://" + host(h) + "/gone", T1, 404, "text/html", "<html>gone</html>".getBytes(
            StandardCharsets.UTF_8), null);
        notOk++;
        if (h == 3) {
          w.malformed();
        }
      }
      w.response("https://" + host(1) + "/big", T1, 200, "text/html", page(1, 99, 0).substring(0, 200)
          .getBytes(StandardCharsets.UTF_8), "length");
      w.chunkedGzip("https://" + host(2) + "/news/chunked", T1, page(2, 98, 0));
      pages++;
      w.revisit("https://" + host(2) + "/news/elsewhere", T2, TestWarcs.id(), page(7, 77, 7));
    }
    try (TestWarcs w = TestWarcs.create(second, false, MessageVersion.WARC_1_0)) {
      for (int h = 0; h < HOSTS; h++) {
        for (int a = FIRST; a < FIRST + SECOND; a++) {
          w.html(url(h, a), T2.plusSeconds(h * 60L + a), page(h, a, 0));
          pages++;
        }
      }
      for (int c = 0; c < CHANGED; c++) {
        // changed on day 3; and an older capture (day 0) with other text, found only in this file
        w.html(url(c, 1), T3.plusSeconds(c), page(c, 1, 1));
        w.html(url(c, 1), T1.minusSeconds(86_400), page(c, 1, 2));
        pages += 2;
      }
      w.response(someResponse, someResponseUrl, T1, 200, "text/html", page(0, 0, 0).getBytes(StandardCharsets.UTF_8),
          null);
      w.malformed();
      w.html(url(11, 50), T3, page(11, 50, 0)); // after the malformed record: still imported
      pages++;
    }
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  }

  static String host(int h) {
    return "www.paper" + h + ".example";
  }

  static String url(int h, int a) {
    return "https://" + host(h) + "/news/2024/03/story-" + a + ".html";
  }

  static String page(int h, int a, int edition) {
    return NewsHtml.article(host(h), "Story " + a + " from paper " + h + (edition == 0 ? "" : " (" + edition + ")"),
        NewsHtml.story(h * 1000L + a * 10L + edition, 160));
  }
}
