package dev.newsvault.notify;

import static dev.newsvault.notify.NotifyFixture.STORY;
import static dev.newsvault.notify.NotifyFixture.store;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.NoticeQueries;
import dev.newsvault.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook channel and the delivery worker against a real HTTP receiver on 127.0.0.1. */
class WebhookDeliveryTest {

  static final String SECRET = "s3cret-signing-key";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Receiver receiver;
  OkHttpClient client = new OkHttpClient();
  NotifyFixture.TestClock clock = new NotifyFixture.TestClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    client.dispatcher().executorService().shutdown();
  }

  private NotifyConfig config(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>(Map.of("notify.hook.type", "webhook", "notify.hook.url",
        receiver.url("/hooks/news"), "notify.hook.secret.env", "HOOK_SECRET", "notify.hook.allow-private", "true",
        "notify.hook.timeout.ms", "500", "serve.base.url", "http://archive.example:7070/"));
    keys.putAll(extra);
    Settings s = NotifyFixture.settings(dir, keys);
    return NotifyConfig.from(s, client, v -> v.equals("HOOK_SECRET") ? SECRET : null, clock);
  }

  private NoticeWorker worker(Archive a, NotifyConfig c) {
    return new NoticeWorker(a, c, dir.resolve("seeds"), clock);
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void aNewVersionIsPostedOnceSignedWithTheBodysHmacAndCarryingTheWordDiff() throws Exception {
    String url = "http://news.test/harbour";
    try (Archive a = Archive.open(dir.resolve("news.db")); NoticeWorker w = worker(a, config(Map.of()))) {
      store(a, url, "Harbour plan debated", STORY);
      store(a, url, "Harbour plan debated", STORY.replace("three hours", "four hours of heated debate"));

      assertThat(w.pass().sent()).isEqualTo(1);
      assertThat(w.pass().sent()).isZero();
    }
    assertThat(receiver.requests).hasSize(1);
    RecordedRequest r = receiver.requests.get(0);
    byte[] body = r.getBody().readByteArray();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/hooks/news");
    assertThat(r.getHeader("X-Newsvault-Signature")).isEqualTo(hmac(body));
    assertThat(r.getHeader("Idempotency-Key")).matches("nv-\\d+-hook");
    assertThat(r.getHeader("User-Agent")).startsWith("newsvault/");
    JsonNode doc = JSON.readTree(body);
    assertThat(doc.get("event").asText()).isEqualTo("change");
    assertThat(doc.get("key").asText()).isEqualTo(r.getHeader("Idempotency-Key"));
    JsonNode n = doc.get("notices").get(0);
    assertThat(n.get("url").asText()).isEqualTo(url);
    assertThat(n.get("title").asText()).isEqualTo("Harbour plan debated");
    assertThat(n.get("host").asText()).isEqualTo("news.test");
    assertThat(n.get("old").get("version").asInt()).isEqualTo(1);
    assertThat(n.get("new").get("version").asInt()).isEqualTo(2);
    assertThat(n.get("change").get("kind").asText()).isEqualTo("wording");
    assertThat(n.get("change").get("words_added").asInt()).isEqualTo(4);
    assertThat(n.get("change").get("words_removed").asInt()).isEqualTo(1);
    assertThat(n.get("diff").asText()).contains("[-three-]{+four+}").contains("{+of heated debate+}");
    assertThat(n.get("diff_url").asText()).matches("http://archive\\.example:7070/articles/\\d+/diff/1/2");
  }

  @Test
  void aSignatureMadeWithAnotherSecretDoesNotMatch() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db")); NoticeWorker w = worker(a, config(Map.of()))) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));
      w.pass();
    }
    RecordedRequest r = receiver.requests.get(0);
    byte[] body = r.getBody().readByteArray();
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Tuesday", "Sunday")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(r.getHeader("X-Newsvault-Signature")).isEqualTo(hmac(body)).isNotEqualTo(hmac(tampered));
  }

  @Test
  void aServerErrorAndATimeoutAreRetriedWithBackOffUnderTheSameKey() throws Exception {
    receiver.answer(new MockResponse().setResponseCode(503).setBody("busy"),
        new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.retry.first.s", "60")))) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));

      PassSummary first = w.pass();
      assertThat(first.sent()).isZero();
      assertThat(first.retrying()).isEqualTo(1);
      assertThat(w.pass().retrying()).as("not due before its back-off").isZero();
      assertThat(new NoticeQueries(a).inState("queued", 10).get(0).lastError()).contains("503").contains("busy");

      clock.advance(Duration.ofSeconds(61));
      assertThat(w.pass().retrying()).as("the timeout").isEqualTo(1);
      assertThat(new NoticeQueries(a).inState("queued", 10).get(0).lastError()).contains("did not answer in time");

      clock.advance(Duration.ofSeconds(61));
      assertThat(w.pass().sent()).as("the second back-off (120 s) has not passed").isZero();
      clock.advance(Duration.ofSeconds(60));
      assertThat(w.pass().sent()).isEqualTo(1);
      assertThat(new NoticeQueries(a).counts()).containsEntry("sent", 1L).containsEntry("queued", 0L);
    }
    assertThat(receiver.requests).hasSize(3);
    assertThat(receiver.requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(1);
  }

  @Test
  void aNoticeThatKeepsFailingIsGivenUpAndShownAsFailed() throws Exception {
    for (int i = 0; i < 10; i++) {
      receiver.answer(new MockResponse().setResponseCode(500));
    }
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.give-up.hours", "1")))) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));
      PassSummary p = PassSummary.NONE;
      for (int i = 0; i < 10 && p.failed() == 0; i++) {
        p = w.pass();
        clock.advance(Duration.ofMinutes(20));
      }
      assertThat(p.failed()).isEqualTo(1);
      NoticeQueries q = new NoticeQueries(a);
      assertThat(q.counts()).containsEntry("failed", 1L).containsEntry("queued", 0L);
      assertThat(q.inState("failed", 10).get(0).lastError()).contains("answered 500");

      assertThat(q.requeueFailed(clock.instant())).isEqualTo(1);
      receiver.clearScript();
      assertThat(w.pass().sent()).isEqualTo(1);
      assertThat(q.counts()).containsEntry("sent", 1L).containsEntry("failed", 0L);
    }
  }

  @Test
  void overTheHourlyCapTheRestGoOutAsOneDigest() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.hook.per-hour", "2")))) {
      for (int i = 0; i < 4; i++) {
        store(a, "http://news.test/" + i, "Story " + i, STORY);
        store(a, "http://news.test/" + i, "Story " + i, STORY.replace("Monday", "Tuesday"));
      }
      assertThat(w.pass().sent()).isEqualTo(4);
      assertThat(receiver.requests).hasSize(2);
      JsonNode digest = JSON.readTree(receiver.requests.get(1).getBody().readByteArray());
      assertThat(digest.get("event").asText()).isEqualTo("digest");
      assertThat(digest.get("notices")).hasSize(3);

      store(a, "http://news.test/9", "Story 9", STORY);
      store(a, "http://news.test/9", "Story 9", STORY.replace("Monday", "Tuesday"));
      assertThat(w.pass().sent()).as("the hour's two messages are spent").isZero();
      clock.advance(Duration.ofMinutes(61));
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    assertThat(receiver.requests).hasSize(3);
  }

  @Test
  void aVersionBelowTheChannelsMinimumChangeIsNotSent() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.hook.min-change", "paragraph_added")))) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));
      assertThat(w.pass().routed()).isEqualTo(1);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday")
          + "\n\nA new paragraph says the vote was postponed until the spring because the report was late.");
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    assertThat(receiver.requests).hasSize(1);
    JsonNode n = JSON.readTree(receiver.requests.get(0).getBody().readByteArray()).get("notices").get(0);
    assertThat(n.get("change").get("kind").asText()).isEqualTo("paragraph_added");
    assertThat(n.get("new").get("version").asInt()).isEqualTo(3);
  }

  @Test
  void routingByHostLeavesOtherHostsOut() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.hook.hosts", "wanted.test")))) {
      for (String host : List.of("wanted.test", "other.test")) {
        store(a, "http://" + host + "/a", "A", STORY);
        store(a, "http://" + host + "/a", "A", STORY.replace("Monday", "Tuesday"));
      }
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    assertThat(receiver.requests.get(0).getBody().readUtf8()).contains("wanted.test").doesNotContain("other.test");
  }

  @Test
  void routingByListSendsTheHostsOfThatSeedListAndNamesTheList() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("seeds"));
    java.nio.file.Files.writeString(dir.resolve("seeds/world.txt"), "https://www.wanted.test/\n");
    java.nio.file.Files.writeString(dir.resolve("seeds/sport.txt"), "https://other.test/\n");
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.hook.lists", "world")))) {
      for (String host : List.of("wanted.test", "other.test")) {
        store(a, "http://" + host + "/a", "A", STORY);
        store(a, "http://" + host + "/a", "A", STORY.replace("Monday", "Tuesday"));
      }
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    JsonNode n = JSON.readTree(receiver.requests.get(0).getBody().readByteArray()).get("notices").get(0);
    assertThat(n.get("host").asText()).isEqualTo("wanted.test");
    assertThat(n.get("list").asText()).isEqualTo("world");
  }

  @Test
  void aPrivateTargetIsRefusedUnlessTheChannelAllowsIt() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = worker(a, config(Map.of("notify.hook.allow-private", "false")))) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));
      assertThat(w.pass().retrying()).isEqualTo(1);
      assertThat(new NoticeQueries(a).inState("queued", 1).get(0).lastError()).contains("127.0.0.1");
    }
    assertThat(receiver.server.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }
}
