package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlIdentityTest {

  @ParameterizedTest(name = "{0} -> {1}: same={2}")
  @CsvSource({
      "http://example.com/news/a, https://example.com/news/a, true",
      "https://example.com/news/a, https://www.example.com/news/a, true",
      "https://example.com/news/a, https://EXAMPLE.com/news/a/, true",
      "https://example.com/news/a, https://example.com:443/news/a#comments, true",
      "https://example.com/news/a, https://example.com/news/a?utm_source=rss&fbclid=x, true",
      "https://example.com/news/a?id=1&p=2, https://example.com/news/a?p=2&id=1, true",
      "https://example.com/news/a, https://example.com/news/b, false",
      "https://example.com/news/a?id=1, https://example.com/news/a?id=2, false",
      "https://example.com/news/a, https://example.org/news/a, false",
      "https://example.com/news/a, https://example.com:8443/news/a, false",
      "https://example.com/news/a, https://example.com/News/A, false",
  })
  void redirectsThatChangeOnlyTheFormOfTheUrlAreTheSameArticle(String a, String b, boolean same) {
    assertThat(UrlIdentity.same(a, b)).isEqualTo(same);
    assertThat(UrlIdentity.same(b, a)).isEqualTo(same);
  }

  @ParameterizedTest(name = "{0}: home={1}")
  @CsvSource({
      "https://example.com/, true",
      "https://example.com, true",
      "https://example.com/?ref=gone, false",
      "https://example.com/news/, false",
  })
  void homePageIsTheRootPathWithoutQuery(String url, boolean home) {
    assertThat(UrlIdentity.isHomePage(url)).isEqualTo(home);
  }
}
