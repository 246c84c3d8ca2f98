package dev.newsvault.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.NoticeQueries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real second JVM after it committed new versions and their notices, while it was sending them,
 * then a restart: every notice reaches the receiver, each under its own key, and only the one in flight at
 * the kill arrives twice (with the same key, so the receiver can drop it).
 */
class NoticeKillTest {

  static final int ARTICLES = 5;

  @TempDir Path dir;

  @Test
  void afterAKillEveryNoticeIsDeliveredExactlyOncePerKey() throws Exception {
    try (Receiver site = new Receiver(); Receiver hook = new Receiver()) {
      Path db = dir.resolve("news.db");
      List<String> urls = new ArrayList<>();
      try (Archive a = Archive.open(db)) {
        for (int i = 0; i < ARTICLES; i++) {
          String url = site.url("/news/" + i);
          urls.add(url);
          NotifyFixture.store(a, url, "Story " + i, NotifyFixture.STORY);
        }
      }
      site.serve("/robots.txt", new MockResponse().setResponseCode(404));
      // the site now serves every article edited; the second notice's request gets no answer
      for (int i = 0; i < ARTICLES; i++) {
        site.serve("/news/" + i, page("Story " + i, NotifyFixture.STORY.replace("Monday", "Tuesday")));
      }
      hook.answer(new MockResponse().setResponseCode(200),
          new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
      Path secret = dir.resolve("hook.secret");
      Files.writeString(secret, "kill-test-secret\n");
      Path config = dir.resolve("crawl-config.properties");
      Files.writeString(config, String.join("\n", "politeness.delay.ms=0", "fetch.allow.private=true",
          "seeds=" + dir.resolve("seeds"), "notify.hook.type=webhook", "notify.hook.url=" + hook.url("/in"),
          "notify.hook.secret.file=" + secret, "notify.hook.allow-private=true", "notify.hook.timeout.ms=600000",
          ""));

      Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.newsvault.cli.Main", "check", "--all", "--config",
          config.toString(), "--db", db.toString())).redirectErrorStream(true)
          .redirectOutput(dir.resolve("first.log").toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && hook.requests.size() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("still sending when killed").isTrue();
      } finally {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
        p.waitFor(60, TimeUnit.SECONDS);
      }
      String log = Files.readString(dir.resolve("first.log"));
      assertThat(hook.requests).as(log).hasSize(2);
      assertThat(site.requests.stream().filter(r -> r.getPath().startsWith("/news/"))).hasSize(ARTICLES);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = dev.newsvault.cli.Main.run(new String[] {"notify", "send", "--config", config.toString(), "--db",
          db.toString()}, new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(out + "\n" + err).isZero();

      Map<String, Long> perKey = hook.requests.stream()
          .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
      String inFlight = hook.requests.get(1).getHeader("Idempotency-Key");
      assertThat(perKey).hasSize(ARTICLES);
      perKey.forEach((key, n) -> assertThat(n).as(key).isEqualTo(key.equals(inFlight) ? 2L : 1L));
      try (Archive a = Archive.openReadOnly(db)) {
        assertThat(new NoticeQueries(a).counts()).containsEntry("sent", (long) ARTICLES)
            .containsEntry("queued", 0L).containsEntry("failed", 0L);
      }
      assertThat(hook.requests.stream().map(NoticeKillTest::url).collect(Collectors.toSet()))
          .containsExactlyInAnyOrderElementsOf(urls);
    }
  }

  private static String url(RecordedRequest r) {
    String body = r.getBody().clone().readUtf8();
    return body.replaceAll("(?s).*\"url\":\"([^\"]+)\".*", "$1");
  }

  private static MockResponse page(String title, String text) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(title)
        .append("</title></head><body><article><h1>").append(title).append("</h1>");
    for (String para : text.split("\n\n")) {
      b.append("<p>").append(para).append("</p>");
    }
    return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
        .setBody(b.append("</article></body></html>").toString());
  }

}
