package dev.newsvault.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.newsvault.archive.Archive;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Atom feeds and pages of serve hold up against archived titles, bylines and texts carrying every C0 and C1
 * control character, carry the kind of change and the word diff, keep their ids when the port changes, and
 * never say an article's feed was updated in 1970.
 */
class FeedCharactersTest {

  @TempDir Path dir;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Every C0 control, DEL and every C1 control. */
  static String controls() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      b.append(c);
    }
    for (char c = 0x7F; c <= 0x9F; c++) {
      b.append(c);
    }
    return b.toString();
  }

  static final String TEXT = "The council approved the transit budget on Tuesday after a long debate.\n\n"
      + "Residents can comment on the plan until the end of the month.";

  private static void store(Archive a, long run, String url, String title, String author, String at, String text) {
    Capture c = new Capture(url, url, 200, Instant.parse(at), 30, "text/html; charset=utf-8", null, null, Map.of(),
        ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), null);
    try {
      a.store(run, c, new Article(url, url, title, List.of(author), "2026-11-20", null, "The Ledger", "en", null,
          List.of(), null, text));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A character XML 1.0 cannot carry, DEL or a C1 control. */
  private static boolean control(int c) {
    return c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7F && c <= 0x9F;
  }

  private String get(WebApp app, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void everyControlCharacterInTitlesBylinesAndTextsLeavesEveryFeedParseable() throws Exception {
    Path db = dir.resolve("archive.db");
    String bad = controls();
    List<String> urls = new ArrayList<>();
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "control characters");
      // one article per control character, so each one alone must be survived, and one with all of them
      for (int i = 0; i <= bad.length(); i++) {
        String ch = i < bad.length() ? String.valueOf(bad.charAt(i)) : bad;
        String url = "https://ledger.example/news/" + i;
        urls.add(url);
        store(a, run, url, "Budget" + ch + " vote", "Dana" + ch + " Reporter", "2026-11-20T08:00:00Z", TEXT);
        store(a, run, url, "Budget" + ch + " vote, again", "Dana" + ch + " Reporter", "2026-11-21T08:00:00Z",
            TEXT.replace("long", "heated" + ch + " long"));
      }
    }
    WebApp app = WebApp.start(db, "127.0.0.1", 0);
    try {
      List<String> feeds = new ArrayList<>(List.of("/feed.atom", "/sites/ledger.example/feed.atom"));
      for (long id = 1; id <= urls.size(); id++) {
        feeds.add("/articles/" + id + "/feed.atom");
      }
      for (String path : feeds) {
        String xml = get(app, path);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getEntries()).as(path).isNotEmpty();
        for (Entry e : feed.getEntries()) {
          // tab, line feed and carriage return are legal XML and stay
          assertThat(e.getTitle().replaceAll("\\s+", " ")).as(path).startsWith("headline: Budget vote, again (version 2)");
          assertThat(e.getSummary().getValue().replaceAll("\\s+", " ")).as(path).contains("{+heated+}")
              .contains("headline: [-Budget vote-]{+Budget vote, again+}");
        }
        assertThat(xml.chars().filter(FeedCharactersTest::control)).as(path).isEmpty();
      }
      for (long id = 1; id <= urls.size(); id++) {
        String html = get(app, "/articles/" + id);
        assertThat(html.replaceAll("\\s+", " ")).contains("Budget vote, again");
        assertThat(html.chars().filter(FeedCharactersTest::control)).isEmpty();
      }
    } finally {
      app.close();
    }
  }

  @Test
  void entryIdsStayTheSameOnAnotherPortAndAQuietArticlesFeedIsNotFrom1970() throws Exception {
    Path db = dir.resolve("archive.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "ids");
      store(a, run, "https://ledger.example/news/changed", "Budget vote", "Dana Reporter", "2026-11-20T08:00:00Z",
          TEXT);
      store(a, run, "https://ledger.example/news/changed", "Budget vote", "Dana Reporter", "2026-11-21T08:00:00Z",
          TEXT.replace("Tuesday", "Wednesday"));
      store(a, run, "https://ledger.example/news/quiet", "Quiet story", "Dana Reporter", "2026-11-19T08:00:00Z",
          TEXT);
    }
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      WebApp app = WebApp.start(db, "127.0.0.1", 0);
      try {
        Feed all = (Feed) new WireFeedInput().build(new StringReader(get(app, "/feed.atom")));
        String id = all.getId() + " " + all.getEntries().get(0).getId();
        assertThat(id).doesNotContain(String.valueOf(app.port())).doesNotContain("127.0.0.1");
        ids.add(id);
        Feed quiet = (Feed) new WireFeedInput().build(new StringReader(get(app, "/articles/2/feed.atom")));
        assertThat(quiet.getEntries()).isEmpty();
        assertThat(quiet.getUpdated().toInstant()).isNotEqualTo(Instant.EPOCH);
      } finally {
        app.close();
      }
    }
    assertThat(ids.get(1)).isEqualTo(ids.get(0));
  }
}
