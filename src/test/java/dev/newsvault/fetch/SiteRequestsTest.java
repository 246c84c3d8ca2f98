package dev.newsvault.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-site headers and cookies: parsed per host, values from env: and file:, never shown. */
class SiteRequestsTest {

  @TempDir Path dir;

  @Test
  void headersAndCookiesBelongToTheirHostAndValuesComeFromEnvOrFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("token"), "file-secret\n");
    SiteRequests s = SiteRequests.of(Map.of("site.news.example.com.header.X-Api-Key", "env:NV_KEY",
        "site.news.example.com.cookie", "consent=yes; session=file:" + secret,
        "site.other.example.org.header.Authorization", "file:" + secret), Map.of("NV_KEY", "env-secret")::get);
    HostRequests news = s.forHost("NEWS.example.com");
    assertThat(news.headers()).containsEntry("X-Api-Key", "env-secret");
    assertThat(news.cookies()).containsEntry("consent", "yes");
    assertThat(s.forHost("other.example.org").headers()).containsEntry("Authorization", "file-secret");
    assertThat(s.forHost("example.com").isEmpty()).isTrue();
    assertThat(news.toString()).contains("X-Api-Key", "consent").doesNotContain("env-secret", "yes");
  }

  @Test
  void aMissingVariableIsAnErrorThatNamesTheKeyButNotAValue() {
    assertThatThrownBy(() -> SiteRequests.of(Map.of("site.a.example.header.X-Key", "env:NV_UNSET"), k -> null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("site.a.example.header.X-Key")
        .hasMessageContaining("NV_UNSET");
    assertThatThrownBy(() -> SiteRequests.of(Map.of("site.a.example.cookie", "no-equals-s3cret"), k -> null))
        .isInstanceOf(ConfigException.class).hasMessageNotContaining("s3cret");
  }
}
