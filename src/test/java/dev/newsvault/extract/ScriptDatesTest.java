package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Publication keys in the app state of inline scripts: read when they agree, within a bounded scan. */
class ScriptDatesTest {

  private static DateCandidate find(String html) {
    Document doc = Jsoup.parse(html);
    return ScriptDates.find(PageIndex.of(doc).appScripts, "en");
  }

  @Test
  void readsAPublicationKeyQuotedEscapedOrBare() {
    assertThat(find("<script>var s = {\"datePublished\":\"2020-05-04T10:00:00+02:00\"};</script>"))
        .isEqualTo(new DateCandidate("2020-05-04T10:00:00+02:00", DateSource.SCRIPT));
    assertThat(find("<script>x = JSON.parse(\"{\\\"published_at\\\":\\\"2020-05-04\\\"}\")</script>").value())
        .isEqualTo("2020-05-04");
    assertThat(find("<script>var s = {firstPublishedAt: '2020-05-04T08:00:00Z'};</script>").value())
        .isEqualTo("2020-05-04T08:00:00Z");
  }

  @Test
  void leavesJsonLdExternalScriptsOtherKeysAndDisagreementAlone() {
    assertThat(find("<script type=\"application/ld+json\">{\"datePublished\":\"2020-05-04\"}</script>")).isNull();
    assertThat(find("<script src=\"/app.js\">{\"datePublished\":\"2020-05-04\"}</script>")).isNull();
    assertThat(find("<script>{\"updatedAt\":\"2020-05-04\",\"createdAt\":\"2020-05-04\"}</script>")).isNull();
    assertThat(find("<script>{\"list\":[{\"publishedAt\":\"2020-05-04\"},{\"publishedAt\":\"2020-05-06\"}]}</script>"))
        .isNull();
  }

  @Test
  void readsNoFurtherThanItsBudget() {
    String filler = "/*" + "x".repeat(ScriptDates.MAX_CHARS) + "*/";
    assertThat(find("<script>" + filler + "</script><script>{\"publishDate\":\"2020-05-04\"}</script>")).isNull();
    assertThat(find("<script>{\"publishDate\":\"2020-05-04\"}</script><script>" + filler + "</script>")).isNotNull();
  }
}
