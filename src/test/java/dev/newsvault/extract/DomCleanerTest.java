package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomCleanerTest {

  private static Element div(String cls) {
    return Jsoup.parse("<div class=\"" + cls + "\">x</div>").selectFirst("div");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "share-bar", "sharedaddy sd-sharing-enabled", "comments-area", "comment-respond",
        "newsletter-signup", "related-posts", "cookie-consent", "breadcrumbs", "widget widget_search",
        "elementor-widget-share-buttons", "ad-slot ad-inline", "post-navigation", "author-bio",
        "rollover-people-block", "back-to-top", "wp-caption-text", "recipe-mob visible-xs", "postmetadata alt",
        "cmp-modal", "popup-newsletter"
      })
  void dropsBlocksNamedAsBoilerplate(String cls) {
    assertThat(DomCleaner.shouldDrop(div(cls))).as(cls).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "container-responsive", "img-responsive", "elementor-widget-text-editor", "layout has-sidebar",
        "commentary-body", "entry-content comments-enabled", "article-body share-enabled",
        "post type-post tag-social-media-policy", "story__body", "recipe-tab-sec hidden-xs", "col-md-8 visible-lg"
      })
  void keepsStoryAndLayoutContainers(String cls) {
    assertThat(DomCleaner.shouldDrop(div(cls))).as(cls).isFalse();
  }

  @Test
  void keepsWrapperWithBoilerplateNameWhenItHoldsMostOfThePageProse() {
    Element body =
        Jsoup.parse(
                "<body><div class=\"main and-w-sidebar widget-area\"><p>"
                    + "Story text that is most of the page. ".repeat(20)
                    + "</p></div><div class=\"sidebar\"><p>Short aside text.</p></div></body>")
            .body();
    DomCleaner.clean(body);
    assertThat(body.text()).contains("Story text").doesNotContain("Short aside text");
  }

  @Test
  void dropsHiddenElementsScriptsAndNavigation() {
    Element body =
        Jsoup.parse(
                "<body><nav>Menu</nav><div style=\"display: none\">Hidden</div><p hidden>Also hidden</p>"
                    + "<script>var x = 1;</script><div aria-hidden=\"true\">Icon</div><p>Visible</p></body>")
            .body();
    DomCleaner.clean(body);
    assertThat(body.text()).isEqualTo("Visible");
  }

  @Test
  void keepsAriaHiddenWrapperThatHoldsTheStoryButNotCssHiddenOne() {
    Element body =
        Jsoup.parse(
                "<body><div id=\"page\" aria-hidden=\"true\"><p>"
                    + "The story a menu script marked aria-hidden. ".repeat(20)
                    + "</p></div><div style=\"display:none\"><p>"
                    + "Never rendered. ".repeat(10) + "</p></div></body>")
            .body();
    DomCleaner.clean(body);
    assertThat(body.text()).contains("The story").doesNotContain("Never rendered");
  }

  @ParameterizedTest
  @ValueSource(strings = {"articleBody", "ArticleBody", "ARTICLE-CONTENT", "entry-content", "post__content",
      "story-text x", "fulltext", "c-rich-text", "field-body", "blog-content main"})
  void storyContainerNamesAreFoundWhateverTheirCase(String cls) {
    Element e = div(cls);
    assertThat(NamePatterns.mayNameBody(cls)).isTrue();
    assertThat(NamePatterns.isBody(e)).as(cls).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sidebar", "menu-item", "bod-y", "con-tent", "tex", "artikel"})
  void namesWithoutBodyContentOrTextAreNoStoryContainer(String cls) {
    assertThat(NamePatterns.mayNameBody(cls)).isFalse();
    assertThat(NamePatterns.isBody(div(cls))).isFalse();
  }

  @Test
  void aNamedBlockHoldingTheStoryContainerIsKeptAndOneWithoutIsSetAside() {
    Element body = Jsoup.parse(
        "<body><div class=\"share-wrapper\"><div class=\"x\"><div class=\"entry-content\"><p>"
            + "Story text. ".repeat(10) + "</p></div></div></div>"
            + "<div class=\"share-bar\"><a href=\"/s\">Share</a></div></body>").body();
    DomCleaner.clean(body);
    assertThat(body.select(".entry-content")).hasSize(1);
    assertThat(body.select(".share-bar")).isEmpty();
  }

  @Test
  void aHugeClassAttributeIsJudgedLikeAShortOne() {
    String padding = "x".repeat(200_000);
    assertThat(DomCleaner.shouldDrop(div(padding + " share-bar"))).isTrue();
    assertThat(NamePatterns.isBody(div(padding + " entry-content"))).isTrue();
    assertThat(DomCleaner.shouldDrop(div(padding + " lead"))).isFalse();
  }

  /**
   * The counts cleaning hands on (those taken before it, less what it removed) are the ones a new count of the
   * cleaned page gives, for every element left, on every page kind of the fixtures.
   */
  @Test
  void countsLeftByCleaningAreThoseOfTheCleanedPage() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/extract/kinds"))) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThan(10);
    int removed = 0;
    for (Path page : pages) {
      Element body = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.org/").body();
      int before = body.getAllElements().size();
      TextStats kept = DomCleaner.clean(body, before).stats();
      TextStats fresh = TextStats.of(body);
      removed += before - body.getAllElements().size();
      for (Element e : body.getAllElements()) {
        String where = page.getFileName() + ": " + e.cssSelector();
        assertThat(kept.textLength(e)).as(where).isEqualTo(fresh.textLength(e));
        assertThat(kept.linkLength(e)).as(where).isEqualTo(fresh.linkLength(e));
        assertThat(kept.paragraphLength(e)).as(where).isEqualTo(fresh.paragraphLength(e));
      }
    }
    assertThat(removed).as("elements cleaning removed from the fixtures").isGreaterThan(50);
  }
}
