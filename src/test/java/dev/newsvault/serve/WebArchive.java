package dev.newsvault.serve;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real archive for the serve tests, written through the archive's own write API as a crawl and a check
 * write it: two sites, an article edited once (a changed word, a changed title), and a hostile article whose
 * title, text and raw page carry scripts.
 */
final class WebArchive {

  static final String BUDGET_URL = "https://ledger.example/news/budget-vote";
  static final String HARBOUR_URL = "https://ledger.example/news/harbour-dredging";
  static final String HOSTILE_URL = "https://evil.example/story";
  static final String HOSTILE_TITLE = "<script>window.nvPwnedTitle=1</script>Storm <img src=x onerror=\"window.nvPwnedImg=1\">";
  static final String HOSTILE_TEXT = "Residents gathered at the harbour wall.\n\n"
      + "<script>window.nvPwnedText=1</script> The storm flooded the quay <b>twice</b>.";
  static final String HOSTILE_RAW = "<!doctype html><html><head><title>x</title><script>window.nvPwnedRaw=1;"
      + "parent.nvPwnedRaw=1</script></head><body onload=\"window.nvPwnedRaw=1\"><p>storm</p></body></html>";

  static final String BUDGET_V1 = "The council approved the transit budget on Tuesday after a long debate.\n\n"
      + "The libraries' budget falls by 1.2 million pounds next year, the finance chief said.\n\n"
      + "Residents can comment on the plan until the end of the month.";
  static final String BUDGET_V2 = BUDGET_V1.replace("1.2 million", "1.4 million")
      .replace("after a long debate", "after a heated debate");

  final Path db;
  long budgetId;
  long harbourId;
  long hostileId;

  WebArchive(Path db) {
    this.db = db;
  }

  static WebArchive build(Path db) throws IOException {
    WebArchive w = new WebArchive(db);
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "serve test");
      w.budgetId = store(a, run, BUDGET_URL, "Council approves transit budget", "2026-11-20T08:00:00Z",
          BUDGET_V1, "en", page("Council approves transit budget", BUDGET_V1)).articleId();
      w.harbourId = store(a, run, HARBOUR_URL, "Harbour dredging starts in spring", "2026-11-20T09:00:00Z",
          "The harbour authority will start dredging the channel in spring.\n\nShips will be diverted for weeks.",
          "en", page("Harbour dredging", "dredging")).articleId();
      w.hostileId = store(a, run, HOSTILE_URL, HOSTILE_TITLE, "2026-11-21T07:00:00Z", HOSTILE_TEXT, "de",
          HOSTILE_RAW).articleId();
      a.store(run, new Capture("https://ledger.example/missing", "https://ledger.example/missing", 404,
          Instant.parse("2026-11-21T07:30:00Z"), 12, "text/html", null, null, Map.of(), new byte[0],
          new FetchFailure(FetchFailure.Kind.HTTP_4XX, "HTTP 404")), null);
      StoreResult r = store(a, run, BUDGET_URL, "Council approves transit budget, again", "2026-11-22T10:00:00Z",
          BUDGET_V2, "en", page("Council approves transit budget, again", BUDGET_V2));
      if (r.change() != StoreResult.Change.CHANGED) {
        throw new IllegalStateException("the second budget capture did not make a version: " + r);
      }
    }
    return w;
  }

  static StoreResult store(Archive a, long run, String url, String title, String at, String text, String lang,
      String html) throws IOException {
    Capture c = new Capture(url, url, 200, Instant.parse(at), 30, "text/html; charset=utf-8", null, null,
        Map.of("server", "test"), html.getBytes(StandardCharsets.UTF_8), null);
    Article art = new Article(url, "javascript:window.nvPwnedLink=1", title, List.of("Dana Reporter"),
        at.substring(0, 10), null, "The Ledger", lang, "About " + title, List.of("city"),
        "javascript:alert(1)", text);
    return a.store(run, c, art);
  }

  static String page(String title, String text) {
    return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>"
        + text.replace("\n\n", "</p><p>") + "</p></article></body></html>";
  }
}
