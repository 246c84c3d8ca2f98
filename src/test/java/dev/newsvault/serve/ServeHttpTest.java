package dev.newsvault.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.newsvault.archive.Archive;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every page and API route of newsvault serve, over real HTTP, against a real archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeHttpTest {

  @TempDir static Path dir;
  @TempDir Path own;
  WebArchive archive;
  WebApp app;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start() throws Exception {
    archive = WebArchive.build(dir.resolve("archive.db"));
    app = WebApp.start(archive.db, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return new WebClient(app).get(path);
  }

  JsonNode api(String path) throws Exception {
    return new WebClient(app).api(path);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void homeShowsCountsLatestArticlesAndTheChangeWithItsSize() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Harbour dredging starts in spring").contains("Recently changed")
        .contains("Council approves transit budget, again").contains("+2").contains("−2")
        .contains("href=\"/articles/" + archive.budgetId + "/diff/1/2\"");
    JsonNode home = api("/api/home");
    assertThat(home.at("/counts/articles").asLong()).isEqualTo(3);
    assertThat(home.at("/counts/versions").asLong()).isEqualTo(4);
    assertThat(home.at("/counts/changedArticles").asLong()).isEqualTo(1);
    assertThat(home.at("/changes/0/wordsAdded").asInt()).isEqualTo(2);
    assertThat(home.at("/changes/0/wordsRemoved").asInt()).isEqualTo(2);
    assertThat(home.at("/latest").size()).isEqualTo(3);
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicy() throws Exception {
    for (String path : new String[] {"/", "/search?q=budget", "/articles/" + archive.budgetId, "/sites", "/routes"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.headers().firstValue("content-security-policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
              .doesNotContain("unsafe-inline"));
      assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
      assertThat(r.body()).doesNotContain("<script");
    }
  }

  @Test
  void searchFindsPhrasesAndMarksTheMatchedWordsAfterEscaping() throws Exception {
    HttpResponse<String> r = get("/search?q=" + q("\"transit budget\""));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("1 result").contains("<mark>transit budget</mark>")
        .contains("href=\"/articles/" + archive.budgetId + "\"");
    JsonNode s = api("/api/search?q=" + q("\"transit budget\""));
    assertThat(s.at("/result/total").asLong()).isEqualTo(1);
    assertThat(s.at("/result/hits/0/articleId").asLong()).isEqualTo(archive.budgetId);
    assertThat(s.at("/result/hits/0/snippet").toString()).contains("{\"text\":\"transit budget\",\"match\":true}");

    HttpResponse<String> hostile = get("/search?q=storm");
    assertThat(hostile.body()).contains("&lt;script&gt;").doesNotContain("<script>window.nvPwned")
        .doesNotContain("<img src=x");
  }

  @Test
  void searchFiltersSortsAndPages() throws Exception {
    assertThat(api("/api/search?q=harbour").at("/result/total").asLong()).isEqualTo(2);
    assertThat(api("/api/search?q=harbour&site=evil.example").at("/result/total").asLong()).isEqualTo(1);
    assertThat(api("/api/search?q=harbour&lang=de").at("/result/hits/0/articleId").asLong())
        .isEqualTo(archive.hostileId);
    assertThat(api("/api/search?q=council&changed=1").at("/result/total").asLong()).isEqualTo(1);
    assertThat(api("/api/search?q=harbour&changed=1").at("/result/total").asLong()).isZero();
    assertThat(api("/api/search?q=harbour&from=2026-11-21").at("/result/total").asLong()).isEqualTo(1);
    assertThat(api("/api/search?q=harbour&to=2026-11-20").at("/result/total").asLong()).isEqualTo(1);
    assertThat(api("/api/search?q=harbour&sort=newest").at("/result/hits/0/articleId").asLong())
        .isEqualTo(archive.hostileId);
    assertThat(api("/api/search?q=heated").at("/result/total").asLong()).isEqualTo(1);
    assertThat(api("/api/search?q=long+debate").at("/result/total").asLong()).isZero();
    assertThat(api("/api/search?q=long+debate&all=1").at("/result/hits/0/version").asInt()).isEqualTo(1);
    assertThat(api("/api/search?q=dredg*").at("/result/total").asLong()).isEqualTo(1);
    JsonNode page2 = api("/api/search?q=harbour&page=2");
    assertThat(page2.at("/result/page").asInt()).isEqualTo(2);
    assertThat(page2.at("/result/hits").size()).isZero();
    assertThat(api("/api/search?q=" + q("budget OR ( NEAR AND")).at("/result/total").asLong()).isZero();
  }

  @Test
  void badSearchInputGetsA400PageNotAStackTrace() throws Exception {
    String[] bad = {"/search?q=" + q("\"unbalanced"), "/search?q=" + "x".repeat(600), "/search?q=a&page=abc",
        "/search?q=a&page=0", "/search?q=a&from=yesterday", "/search?q=a&lang=" + q("<b>"), "/search?q=a&sort=best",
        "/api/search?q=" + q("\"unbalanced")};
    for (String path : bad) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).doesNotContain("Exception").doesNotContain("at dev.newsvault")
          .doesNotContain("<b>");
    }
    assertThat(get("/api/search?q=" + q("\"unbalanced")).body()).contains("\"status\" : 400");
  }

  @Test
  void articlePageShowsTextMetadataTimelineAndLinks() throws Exception {
    HttpResponse<String> r = get("/articles/" + archive.budgetId);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Council approves transit budget, again").contains("1.4 million")
        .contains("Dana Reporter").contains("The Ledger").contains("sha256:")
        .contains("href=\"" + WebArchive.BUDGET_URL + "\"")
        .contains("href=\"/articles/" + archive.budgetId + "/raw/2\"")
        .contains("href=\"/articles/" + archive.budgetId + "/diff/1/2\"")
        .contains("2026-11-20T08:00:00Z").contains("2026-11-22T10:00:00Z");
    assertThat(r.body()).as("metadata URLs that are not http(s) are text, never links")
        .contains("javascript:window.nvPwnedLink=1").doesNotContain("href=\"javascript:");
    assertThat(get("/articles/" + archive.budgetId + "?version=1").body()).contains("1.2 million")
        .contains("This is version 1 of 2");
    JsonNode a = api("/api/articles/" + archive.budgetId);
    assertThat(a.at("/article/url").asText()).isEqualTo(WebArchive.BUDGET_URL);
    assertThat(a.at("/timeline").size()).isEqualTo(2);
    assertThat(a.at("/timeline/1/wordsAdded").asInt()).isEqualTo(2);
    assertThat(a.at("/shown/text").asText()).contains("1.4 million");
  }

  @Test
  void hostileArchivedStringsAreEscapedEverywhere() throws Exception {
    String body = get("/articles/" + archive.hostileId).body();
    assertThat(body).contains("&lt;script&gt;window.nvPwnedTitle=1&lt;/script&gt;")
        .contains("&lt;script&gt;window.nvPwnedText=1&lt;/script&gt;")
        .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>twice");
    assertThat(get("/").body()).doesNotContain("<script").doesNotContain("<img");
    assertThat(get("/sites/evil.example").body()).doesNotContain("<script").doesNotContain("<img");
  }

  @Test
  void unknownOrMalformedIdsGet4xxPages() throws Exception {
    assertThat(get("/articles/999999").statusCode()).isEqualTo(404);
    assertThat(get("/articles/abc").statusCode()).isEqualTo(400);
    assertThat(get("/articles/" + "9".repeat(40)).statusCode()).isEqualTo(400);
    assertThat(get("/articles/" + archive.budgetId + "?version=7").statusCode()).isEqualTo(404);
    assertThat(get("/articles/" + archive.budgetId + "/diff/1/9").statusCode()).isEqualTo(404);
    assertThat(get("/articles/" + archive.budgetId + "/raw/9").statusCode()).isEqualTo(404);
    assertThat(get("/sites/nowhere.example").statusCode()).isEqualTo(404);
    assertThat(get("/api/articles/999999").statusCode()).isEqualTo(404);
    HttpResponse<String> none = get("/no/such/page");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("/routes");
  }

  @Test
  void diffShowsInsertedAndDeletedWordsInlineAndSideBySideWithTitleChange() throws Exception {
    String path = "/articles/" + archive.budgetId + "/diff/1/2";
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<del>long</del><ins>heated</ins>").contains("<del>2</del><ins>4</ins>")
        .contains("id=\"side-by-side\"").contains("id=\"field-changes\"").contains("<ins>, again</ins>")
        .contains("2 words added");
    JsonNode d = api("/api" + path);
    assertThat(d.at("/wordsAdded").asInt()).isEqualTo(2);
    assertThat(d.at("/wordsRemoved").asInt()).isEqualTo(2);
    assertThat(d.at("/fields/0/field").asText()).isEqualTo("title");
    assertThat(d.at("/rows").size()).isEqualTo(3);
    HttpResponse<String> form = get("/articles/" + archive.budgetId + "/diff?from=1&to=2");
    assertThat(form.statusCode()).isIn(301, 302, 303);
    assertThat(form.headers().firstValue("location")).hasValue(path);
  }

  @Test
  void rawPageIsPlainTextInASandbox() throws Exception {
    HttpResponse<String> r = get("/articles/" + archive.hostileId + "/raw/1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(r.headers().firstValue("content-security-policy")).hasValueSatisfying(c -> assertThat(c).startsWith("sandbox"));
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.body()).isEqualTo(WebArchive.HOSTILE_RAW);
  }

  @Test
  void sitesShowFiguresFailuresAndAChart() throws Exception {
    HttpResponse<String> r = get("/sites");
    assertThat(r.body()).contains("ledger.example").contains("evil.example").contains("http_4xx 1")
        .contains("50.0 %");
    JsonNode sites = api("/api/sites");
    assertThat(sites.at("/sites/0/host").asText()).isEqualTo("ledger.example");
    assertThat(sites.at("/sites/0/articles").asLong()).isEqualTo(2);
    assertThat(sites.at("/sites/0/versions").asLong()).isEqualTo(3);
    assertThat(sites.at("/sites/0/failures/http_4xx").asLong()).isEqualTo(1);
    assertThat(sites.at("/sites/0/lastFetch").asText()).isEqualTo("2026-11-22T10:00:00Z");
    HttpResponse<String> site = get("/sites/ledger.example");
    assertThat(site.body()).contains("<svg").contains("2026-11-20: 2 articles, 0 changes")
        .contains("2026-11-22: 0 articles, 1 changes");
    assertThat(api("/api/sites/ledger.example").at("/days").size()).isEqualTo(2);
  }

  @Test
  void atomFeedsListChangesOfAllOneSiteAndOneArticle() throws Exception {
    for (String path : new String[] {"/feed.atom", "/sites/ledger.example/feed.atom",
        "/articles/" + archive.budgetId + "/feed.atom"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.headers().firstValue("content-type")).as(path)
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
      Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
      assertThat(feed.getEntries()).as(path).hasSize(1);
      assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref())
          .endsWith("/articles/" + archive.budgetId + "/diff/1/2");
    }
    Feed other = (Feed) new WireFeedInput().build(new StringReader(get("/sites/evil.example/feed.atom").body()));
    assertThat(other.getEntries()).isEmpty();
  }

  @Test
  void routesAreListedInOnePlace() throws Exception {
    assertThat(get("/routes").body()).contains("/api/search").contains("/feed.atom");
    assertThat(api("/api").size()).isEqualTo(WebApp.ROUTES.size());
    assertThat(get("/static/style.css").statusCode()).isEqualTo(200);
  }

  @Test
  void nothingWrites() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/search"))
        .POST(HttpRequest.BodyPublishers.ofString("q=x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isIn(404, 405);
  }

  @Test
  void newArticlesShowUpWithoutARestartWhileAWriterHoldsTheArchive() throws Exception {
    WebArchive other = WebArchive.build(own.resolve("live.db"));
    try (WebApp live = WebApp.start(other.db, "127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + live.port();
      assertThat(json.readTree(get(base, "/api/home")).at("/counts/articles").asLong()).isEqualTo(3);
      try (Archive writer = Archive.open(other.db)) {
        long run = writer.startRun("crawl", "while serving");
        WebArchive.store(writer, run, "https://ledger.example/news/ferry-timetable", "Ferry timetable changes",
            "2026-11-23T06:00:00Z", "The ferry timetable changes in winter, with fewer crossings.", "en",
            WebArchive.page("Ferry", "ferry"));
        writer.flush();
        assertThat(json.readTree(get(base, "/api/home")).at("/counts/articles").asLong()).isEqualTo(4);
        assertThat(json.readTree(get(base, "/api/search?q=ferry+crossings")).at("/result/total").asLong())
            .isEqualTo(1);
      }
    }
  }

  String get(String base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void aForeignHostNameIsRefusedOnLoopback() throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/home HTTP/1.1\r\nHost: rebind.attacker.example\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(status).contains(" 400");
    }
  }
}
