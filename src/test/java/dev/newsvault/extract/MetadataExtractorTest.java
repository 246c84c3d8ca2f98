package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

  private static Article extractHtml(String html, String url) {
    return new ArticleExtractor(ExtractionRules.NONE).extract(html.getBytes(StandardCharsets.UTF_8), null, url);
  }

  @Test
  void readsEveryFieldFromJsonLdGraph() {
    Article a = Fixtures.extract("jsonld-only", "https://fruitbelt.example/farming/orchard-frost?utm=x");
    assertThat(a.title()).isEqualTo("Orchard growers count the cost of late frost");
    assertThat(a.authors()).containsExactly("Tomasz Wierzbicki", "Ana Lúcia Ferreira");
    assertThat(a.published()).isEqualTo("2024-05-09T06:30:00-04:00");
    assertThat(a.modified()).isEqualTo("2024-05-10T11:02:00-04:00");
    assertThat(a.siteName()).isEqualTo("Fruit Belt Gazette");
    assertThat(a.language()).isEqualTo("en-US");
    assertThat(a.description()).startsWith("A night at minus four");
    assertThat(a.tags()).containsExactly("agriculture", "weather", "cherries", "Farming");
    assertThat(a.imageUrl()).isEqualTo("https://fruitbelt.example/img/frost-orchard.jpg");
    assertThat(a.canonicalUrl()).isEqualTo("https://fruitbelt.example/farming/orchard-frost");
    assertThat(a.url()).isEqualTo("https://fruitbelt.example/farming/orchard-frost?utm=x");
  }

  @Test
  void readsOpenGraphAndArticleMetaAndResolvesRelativeUrls() {
    Article a = Fixtures.extract("opengraph", "https://rheinblick.example/kultur/x?page=1");
    assertThat(a.title()).isEqualTo("Stadtbibliothek verlängert Öffnungszeiten");
    assertThat(a.authors()).containsExactly("Jana Becker");
    assertThat(a.published()).isEqualTo("2024-05-21T09:00:00+02:00");
    assertThat(a.modified()).isEqualTo("2024-05-21T14:30:00+02:00");
    assertThat(a.siteName()).isEqualTo("Rheinblick");
    assertThat(a.language()).isEqualTo("de-DE");
    assertThat(a.description()).isEqualTo("Ab Juni hat die Bibliothek auch sonntags geöffnet.");
    assertThat(a.tags()).containsExactly("Bibliothek", "Stadtleben", "Kultur");
    assertThat(a.canonicalUrl()).isEqualTo("https://rheinblick.example/kultur/bibliothek-oeffnungszeiten");
    assertThat(a.imageUrl()).isEqualTo("https://rheinblick.example/bilder/bibliothek.jpg");
  }

  @Test
  void leavesUnstatedFieldsNullOnPlainPage() {
    Article a = Fixtures.extract("plain", null);
    assertThat(a.title()).isEqualTo("Notes on restoring a 1950s valve radio");
    assertThat(a.authors()).isEmpty();
    assertThat(a.tags()).isEmpty();
    assertThat(a.modified()).isNull();
    assertThat(a.siteName()).isNull();
    assertThat(a.language()).isNull();
    assertThat(a.description()).isNull();
    assertThat(a.canonicalUrl()).isNull();
    assertThat(a.imageUrl()).isNull();
  }

  @Test
  void takesPublishedDateFromVisibleDateLineAsLastResort() {
    assertThat(Fixtures.extract("plain", null).published()).isEqualTo("2019-02-03");
  }

  @Test
  void takesPublishedDateFromUrlPath() {
    Article a = extractHtml("<html><body><p>Words.</p></body></html>", "https://blog.example/2024/03/31/a-story/");
    assertThat(a.published()).isEqualTo("2024-03-31");
  }

  @Test
  void readsMicrodataAuthorDateAndCanonicalLink() {
    Article a = Fixtures.extract("amp-microdata", null);
    assertThat(a.title()).isEqualTo("El puerto amplía su terminal de cruceros");
    assertThat(a.authors()).containsExactly("Lucía Morales");
    assertThat(a.published()).isEqualTo("2024-02-15T12:00:00+01:00");
    assertThat(a.language()).isEqualTo("es");
    assertThat(a.canonicalUrl()).isEqualTo("https://diariodelpuerto.example/economia/terminal-cruceros.html");
  }

  @Test
  void readsWordPressAuthorMetaAndTimeElement() {
    Article a = Fixtures.extract("wordpress-blog", null);
    assertThat(a.authors()).containsExactly("Morag Lindsay");
    assertThat(a.published()).isEqualTo("2023-04-12T08:15:00+01:00");
    assertThat(a.language()).isEqualTo("en-GB");
  }

  @Test
  void normalisesCommonDateForms() {
    assertThat(Dates.normalize("2024-03-31T10:00:00Z")).isEqualTo("2024-03-31T10:00:00Z");
    assertThat(Dates.normalize("2024-03-31 10:00")).isEqualTo("2024-03-31T10:00:00");
    assertThat(Dates.normalize("2024-03-31T10:00:00+0200")).isEqualTo("2024-03-31T10:00:00+02:00");
    assertThat(Dates.normalize("Sun, 31 Mar 2024 10:00:00 GMT")).isEqualTo("2024-03-31T10:00Z");
    assertThat(Dates.normalize("March 31st, 2024")).isEqualTo("2024-03-31");
    assertThat(Dates.normalize("20240331")).isEqualTo("2024-03-31");
    assertThat(Dates.normalize("yesterday")).isNull();
    assertThat(Dates.normalize("2024-13-45")).isNull();
  }

  @Test
  void skipsBrokenJsonLdAndKeepsOtherSignals() {
    Article a =
        extractHtml(
            "<html><head><script type=\"application/ld+json\">{not json</script>"
                + "<meta property=\"og:title\" content=\"Still here\"></head><body><p>x</p></body></html>",
            null);
    assertThat(a.title()).isEqualTo("Still here");
  }
}
