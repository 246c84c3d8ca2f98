package dev.newsvault.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void shippedConfigFileDocumentsEveryKeyWithItsDefault() throws Exception {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(Path.of("crawl-config.properties"))) {
      p.load(r);
    }
    assertThat(p.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ConfigLoader.KEYS.keySet());
    ConfigLoader.KEYS.forEach((k, v) -> assertThat(p.getProperty(k)).as(k).isEqualTo(v));
  }

  @Test
  void unknownKeyIsAnErrorThatSuggestsTheRightOne() {
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("max.dept", "3")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'max.dept'").hasMessageContaining("max.depth");
  }

  @Test
  void badValuesNameTheKeyAndTheAcceptedValues() {
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("threads", "many")))
        .hasMessageContaining("'threads'").hasMessageContaining("whole number from 1");
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("scope", "planet")))
        .hasMessageContaining("host, domain or any");
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("resumable", "maybe")))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("include.patterns", "(unclosed")))
        .hasMessageContaining("invalid regular expression");
  }

  @Test
  void overridesWinOverTheFileAndGroupsPassThrough() throws Exception {
    Path f = dir.resolve("c.properties");
    Files.writeString(f, "max.depth=5\nthreads=2\nextract.exclude=.promo\n");
    Settings s = ConfigLoader.load(f, true, Map.of("max.depth", "1"));
    assertThat(s.maxDepth()).isEqualTo(1);
    assertThat(s.threads()).isEqualTo(2);
    assertThat(s.group("extract.")).containsEntry("extract.exclude", ".promo");
  }

  @Test
  void missingExplicitConfigFileIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), true, Map.of()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void defaultExcludeSkipsAssetsButNotArticles() {
    Settings s = Settings.defaults();
    assertThat(s.allows("https://news.test/2026/03/31/story.html")).isTrue();
    assertThat(s.allows("https://news.test/img/photo.JPG?w=300")).isFalse();
    assertThat(s.allows("https://news.test/files/report.pdf")).isFalse();
  }
}
