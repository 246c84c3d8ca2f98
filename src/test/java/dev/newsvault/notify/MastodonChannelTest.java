package dev.newsvault.notify;

import static dev.newsvault.notify.NotifyFixture.STORY;
import static dev.newsvault.notify.NotifyFixture.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.ConfigException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mastodon channel against a receiver on 127.0.0.1 that takes POST /api/v1/statuses as Mastodon does. */
class MastodonChannelTest {

  static final String TOKEN = "mastodon-app-token";

  @TempDir Path dir;
  Receiver instance;
  OkHttpClient client = new OkHttpClient();
  NotifyFixture.TestClock clock = new NotifyFixture.TestClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    instance = new Receiver();
  }

  @AfterEach
  void stop() throws Exception {
    instance.close();
    client.dispatcher().executorService().shutdown();
  }

  private NotifyConfig config(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>(Map.of("notify.toot.type", "mastodon", "notify.toot.url",
        instance.url("/"), "notify.toot.token.env", "TOOT_TOKEN", "notify.toot.allow-private", "true",
        "notify.toot.visibility", "unlisted", "serve.base.url", "https://archive.example"));
    keys.putAll(extra);
    return NotifyConfig.from(NotifyFixture.settings(dir, keys), client, v -> v.equals("TOOT_TOKEN") ? TOKEN : null,
        clock);
  }

  private static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.getBody().readUtf8().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aChangeIsPostedAsAStatusWithTheBearerTokenAndVisibility() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db")); NoticeWorker w = new NoticeWorker(a, config(Map.of()),
        dir.resolve("seeds"), clock)) {
      store(a, "http://news.test/harbour", "Harbour plan debated", STORY);
      store(a, "http://news.test/harbour", "Harbour plan debated", STORY.replace("three hours", "four hours"));
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    RecordedRequest r = instance.requests.get(0);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v1/statuses");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeader("Idempotency-Key")).matches("nv-\\d+-toot");
    Map<String, String> f = form(r);
    assertThat(f.get("visibility")).isEqualTo("unlisted");
    assertThat(f.get("status")).startsWith("wording: Harbour plan debated\n+1 −1 words\n")
        .matches("(?s).*https://archive\\.example/articles/\\d+/diff/1/2$");
  }

  @Test
  void aLongHeadlineIsCutSoTheStatusFitsTheInstancesLimitCountingTheLinkAs23() throws Exception {
    String headline = "A very long headline about the harbour ".repeat(20).strip();
    try (Archive a = Archive.open(dir.resolve("news.db")); NoticeWorker w = new NoticeWorker(a,
        config(Map.of("notify.toot.max-chars", "140")), dir.resolve("seeds"), clock)) {
      store(a, "http://news.test/long", headline, STORY);
      store(a, "http://news.test/long", headline, STORY.replace("Monday", "Tuesday"));
      w.pass();
    }
    String status = form(instance.requests.get(0)).get("status");
    String link = status.substring(status.lastIndexOf('\n') + 1);
    String text = status.substring(0, status.lastIndexOf('\n') + 1);
    assertThat(text.codePointCount(0, text.length()) + MastodonChannel.LINK_CHARS).isLessThanOrEqualTo(140);
    assertThat(text).contains("…");
    assertThat(link).startsWith("https://archive.example/articles/");
  }

  @Test
  void aChannelWithoutATokenOrWithAnUnknownVisibilityIsAConfigError() {
    Map<String, String> noToken = new HashMap<>(Map.of("notify.toot.type", "mastodon", "notify.toot.url",
        "https://social.example"));
    assertThatThrownBy(() -> NotifyConfig.from(NotifyFixture.settings(dir, noToken), client, v -> null, clock))
        .isInstanceOf(ConfigException.class).hasMessageContaining("notify.toot.token.env=VAR");
    assertThatThrownBy(() -> config(Map.of("notify.toot.visibility", "everyone")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("public, unlisted, private or direct");
    assertThatThrownBy(() -> config(Map.of("notify.toot.token", TOKEN)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("notify.toot.token.env=VAR")
        .hasMessageNotContaining(TOKEN);
  }
}
