package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CategoriesTest {

  @Test
  void readsMetaSectionsThenJsonLdSectionsWithoutRepeats() {
    String page = "<html><head><meta property=\"article:section\" content=\" Politics \">"
        + "<script type=\"application/ld+json\">{\"@graph\":[{\"articleSection\":[\"politics\",\"Europe\"]}]}</script>"
        + "</head><body><p>article:section in the body is not a meta tag</p></body></html>";
    assertThat(Categories.of(page.getBytes(StandardCharsets.UTF_8), "text/html")).containsExactly("Politics", "Europe");
    assertThat(Categories.of("<p>No sections here</p>".getBytes(StandardCharsets.UTF_8), "text/html")).isEmpty();
  }
}
