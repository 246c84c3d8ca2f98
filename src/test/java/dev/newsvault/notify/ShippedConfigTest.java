package dev.newsvault.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commented-out notify examples of the shipped crawl-config.properties configure what they say. */
class ShippedConfigTest {

  @TempDir Path dir;

  @Test
  void theShippedExamplesConfigureAWebhookAMailAndAMastodonChannel() throws Exception {
    Path password = dir.resolve("smtp-password");
    Files.writeString(password, "pw\n");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("crawl-config.properties"))) {
      if ((line.startsWith("# notify.") || line.startsWith("# serve.")) && !line.contains("NAME")) {
        String kv = line.substring(2);
        int eq = kv.indexOf('=');
        keys.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip().replace("/etc/newsvault/smtp-password",
            password.toString()));
      }
    }
    NotifyConfig c = NotifyConfig.from(ConfigLoader.load(null, false, keys), new OkHttpClient(), v -> "secret-" + v,
        new NotifyFixture.TestClock(Instant.EPOCH));
    // a webhook URL's path is often a secret of its own: shown without it
    assertThat(c.channels()).extracting(Channel::toString).containsExactly("webhook desk ->"
        + " https://hooks.example.org/...", "email mail -> smtp.example.org",
        "mastodon social -> https://mastodon.example/...");
    assertThat(c.channel("mail").settings().minChange().code()).isEqualTo("correction");
    assertThat(c.giveUp()).isEqualTo(Duration.ofHours(24));
    assertThat(c.baseUrl()).isEqualTo("https://archive.example.org");
  }

  /** Building an HTTP client loads the JDK's trust store: a crawl without a webhook or Mastodon channel builds none. */
  @Test
  void onlyAChannelThatSendsOverHttpAsksForTheHttpClient() {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<OkHttpClient> client = () -> {
      asked.incrementAndGet();
      return new OkHttpClient();
    };
    assertThat(NotifyConfig.from(ConfigLoader.load(null, false, Map.of()), client).channels()).isEmpty();
    assertThat(NotifyConfig.from(ConfigLoader.load(null, false, Map.of("notify.mail.type", "email",
        "notify.mail.smtp.host", "smtp.example.org", "notify.mail.from", "a@example.org", "notify.mail.to",
        "b@example.org")), client).channels()).hasSize(1);
    assertThat(asked).hasValue(0);
    assertThat(NotifyConfig.from(ConfigLoader.load(null, false, Map.of("notify.desk.type", "webhook",
        "notify.desk.url", "https://hooks.example.org/x", "notify.social.type", "mastodon",
        "notify.social.url", "https://mastodon.example", "notify.social.token.env", "PATH")), client).channels())
        .hasSize(2);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aMisspeltKeyOrAMissingEnvironmentVariableIsAClearError() {
    assertThatThrownBy(() -> NotifyConfig.from(ConfigLoader.load(null, false, Map.of("notify.desk.type", "webhook",
        "notify.desk.url", "https://hooks.example.org", "notify.desk.min-chnage", "wording")), new OkHttpClient(),
        v -> null, new NotifyFixture.TestClock(Instant.EPOCH)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'notify.desk.min-chnage'")
        .hasMessageContaining("min-change");
    assertThatThrownBy(() -> NotifyConfig.from(ConfigLoader.load(null, false, Map.of("notify.desk.type", "webhook",
        "notify.desk.url", "https://hooks.example.org", "notify.desk.secret.env", "NOT_SET")), new OkHttpClient(),
        v -> null, new NotifyFixture.TestClock(Instant.EPOCH)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("environment variable NOT_SET, which is not set");
  }
}
