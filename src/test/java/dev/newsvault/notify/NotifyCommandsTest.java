package dev.newsvault.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.cli.ExitCodes;
import dev.newsvault.cli.Main;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.Capture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, status and notify run in-process as a user runs them, with a webhook receiver on 127.0.0.1. */
class NotifyCommandsTest {

  static final String SECRET = "cli-hook-secret";
  static final String PARAS = "The council met on Monday evening to discuss the plan for the harbour bridge and"
      + " the new ferry timetable that the port authority has proposed for the summer season.\n\n"
      + "Updated 5 minutes ago · 260 comments\n\n"
      + "The mayor said the city would decide by the end of the month, after the public consultation on the"
      + " bridge closes on Friday and the engineers have reported on the cost of the repairs.";

  @TempDir Path dir;
  Receiver site;
  Receiver hook;
  Path config;
  Path db;
  String url;
  String out;
  String err;

  @BeforeEach
  void setUp() throws Exception {
    site = new Receiver();
    hook = new Receiver();
    site.serve("/robots.txt", new MockResponse().setResponseCode(404));
    db = dir.resolve("news.db");
    url = site.url("/news/harbour");
    Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(dir.resolve("seeds/harbour.txt"), site.url("/") + "\n");
    Path secret = dir.resolve("hook.secret");
    Files.writeString(secret, SECRET + "\n");
    config = dir.resolve("crawl-config.properties");
    Files.writeString(config, String.join("\n", "politeness.delay.ms=0", "fetch.allow.private=true",
        "seeds=" + dir.resolve("seeds"), "notify.hook.type=webhook", "notify.hook.url=" + hook.url("/in"),
        "notify.hook.secret.file=" + secret, "notify.hook.allow-private=true", "notify.hook.timeout.ms=2000", ""));
    serve(PARAS);
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    byte[] html = page(PARAS).getBytes(StandardCharsets.UTF_8);
    try (Archive a = Archive.open(db)) {
      a.store(a.startRun("crawl", "test"), new Capture(url, url, 200, Instant.now(), 1, "text/html; charset=utf-8",
          null, null, Map.of(), html, null), extractor.extract(html, "text/html; charset=utf-8", url));
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    site.close();
    hook.close();
  }

  private static String page(String text) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><title>Harbour plan debated</title></head>"
        + "<body><article><h1>Harbour plan debated</h1>");
    for (String p : text.split("\n\n")) {
      b.append("<p>").append(p).append("</p>");
    }
    return b.append("</article></body></html>").toString();
  }

  private void serve(String text) {
    site.serve("/news/harbour", new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
        .setBody(page(text)));
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString(), "--db", db.toString()));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void aMovedCounterSendsNothingAndAnEditIsSentOnceAndShownByStatus() throws Exception {
    serve(PARAS.replace("260 comments", "317 comments"));
    assertThat(run("check", "--all")).as(out + err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("0 changed");
    assertThat(hook.requests).isEmpty();

    serve(PARAS.replace("harbour bridge", "harbour tunnel"));
    assertThat(run("check", "--all")).as(out + err).isEqualTo(ExitCodes.CHANGED);
    assertThat(err).contains("notify: 1 sent, 0 waiting to retry, 0 failed");
    assertThat(hook.requests).hasSize(1);
    JsonNode n = new ObjectMapper().readTree(hook.requests.get(0).getBody().readUtf8()).get("notices").get(0);
    assertThat(n.get("url").asText()).isEqualTo(url);
    assertThat(n.get("diff").asText()).contains("[-bridge-]{+tunnel+}");

    assertThat(run("check", "--all")).isEqualTo(ExitCodes.OK);
    assertThat(hook.requests).hasSize(1);
    assertThat(run("status")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("Notices: 0 queued, 1 sent, 0 failed");
  }

  @Test
  void aReceiverThatFailsLeavesTheNoticeQueuedUntilNotifySend() throws Exception {
    hook.answer(new MockResponse().setResponseCode(502), new MockResponse().setResponseCode(502),
        new MockResponse().setResponseCode(502));
    serve(PARAS.replace("harbour bridge", "harbour tunnel"));
    run("check", "--all");
    assertThat(err).contains("0 sent, 1 waiting to retry");
    assertThat(run("status")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("Notices: 1 queued, 0 sent, 0 failed").contains("answered 502").contains(url);

    hook.clearScript();
    assertThat(run("notify", "send")).as(out + err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("1 sent");
    assertThat(hook.requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(1);
  }

  @Test
  void notifyTestSendsASignedTestMessageAndNeverPrintsTheSecret() throws Exception {
    assertThat(run("notify", "test", "hook")).as(out + err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("Sent a test message through webhook hook");
    assertThat(out + err).doesNotContain(SECRET);
    assertThat(hook.requests).hasSize(1);
    byte[] body = hook.requests.get(0).getBody().readByteArray();
    assertThat(hook.requests.get(0).getHeader("X-Newsvault-Signature"))
        .isEqualTo("sha256=" + WebhookChannel.hmac(SECRET, body));
    assertThat(new ObjectMapper().readTree(body).get("event").asText()).isEqualTo("test");

    assertThat(run("notify", "test", "nosuch")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("no notify channel 'nosuch'; configured: hook");
  }
}
