package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionRulesTest {

  @Test
  void hostRulesApplyToSubdomainsMostSpecificFirstThenGlobal() {
    ExtractionRules rules =
        ExtractionRules.fromProperties(
            Map.of(
                "extract.include", "article",
                "extract.include.example.com", ".story",
                "extract.include.news.example.com", ".news-body",
                "other.key", "ignored"));
    assertThat(rules.includesFor("www.news.example.com")).containsExactly(".news-body", ".story", "article");
    assertThat(rules.includesFor("example.com")).containsExactly(".story", "article");
    assertThat(rules.includesFor("example.org")).containsExactly("article");
    assertThat(rules.includesFor(null)).containsExactly("article");
  }

  @Test
  void badCssFailsNamingTheKey() {
    assertThatThrownBy(() -> ExtractionRules.fromProperties(Map.of("extract.exclude.example.com", "div[")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extract.exclude.example.com");
  }

  @Test
  void noneHasNoSelectors() {
    assertThat(ExtractionRules.NONE.includesFor("example.com")).isEmpty();
    assertThat(ExtractionRules.NONE.excludesFor("example.com")).isEmpty();
  }
}
