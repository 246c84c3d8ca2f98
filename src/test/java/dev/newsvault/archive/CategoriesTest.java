package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
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

  @Test
  void findsTheMarkersInTheBytesAsInTheirLatin1Text() {
    Random random = new Random(29);
    List<String> pieces = List.of("article", ":section", "Section", "articl", "e:sec", "tion", "art", "Article", "a",
        " ", "\u00e9", "\u00ff", "<meta ", "\"articleSection\"");
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--) {
        b.append(pieces.get(random.nextInt(pieces.size())));
      }
      byte[] bytes = b.toString().getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      String latin = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(Categories.declaresASection(bytes)).as(latin)
          .isEqualTo(latin.contains("article:section") || latin.contains("articleSection"));
    }
  }
}
