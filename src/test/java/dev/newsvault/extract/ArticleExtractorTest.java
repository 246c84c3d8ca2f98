package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private static void assertHasEveryParagraph(Article a, String fixture) {
    String text = a.text().replaceAll("[ \\t\\u00a0]+", " ");
    for (String paragraph : Fixtures.expectedText(fixture).split("\n\n")) {
      assertThat(text).contains(paragraph.strip().replaceAll("[ \\t\\u00a0]+", " "));
    }
  }

  @Test
  void aRoundupWhoseHeadingsLinkToShopsIsAnArticleNotATeaserList() {
    // No JSON-LD and no og:type: only the content decides. Every paragraph follows a linked heading, as on a
    // section front, but the links lead to other sites, so it is a story.
    Article a = Fixtures.extract("roundup", "https://outdoors.example/gear/five-waterproof-jackets");
    assertThat(a.text()).contains("The hood stayed put in a gale", "Bright yellow, reflective and heavy",
        "We wore each jacket for a full day");
  }

  @Test
  void aSectionFrontWhoseTeasersAreListItemsWithoutHeadingsIsNotAnArticle() {
    StringBuilder items = new StringBuilder();
    String[] towns = {"Lund", "Malmö", "Ystad", "Trelleborg", "Eslöv", "Höör"};
    for (int i = 0; i < towns.length; i++) {
      items.append("<li><a href='/lokalt/").append(i).append("'>Nya cykelbanor byggs i ").append(towns[i])
          .append(" före sommaren</a><p>Kommunen satsar på säkrare vägar i ").append(towns[i]).append("</p></li>");
    }
    String front = "<html><head><title>Lokalt</title></head><body><nav><a href='/'>Hem</a></nav><main><h1>Lokalt</h1>"
        + "<ul class='list'>" + items + "</ul></main></body></html>";
    Article listing = new ArticleExtractor(ExtractionRules.NONE)
        .extract(front.getBytes(StandardCharsets.UTF_8), "text/html", "https://news.example.se/lokalt");
    assertThat(listing.text()).isEmpty();

    // The same teasers under a story are its related links, not a reason to drop the story.
    String story = "<html><head><title>Cykelbanor</title></head><body><main><article><h1>Cykelbanor</h1>"
        + "<p>Regionen har beslutat att bygga nya cykelbanor mellan sex orter i Skåne, och arbetet börjar i april"
        + " när tjälen har gått ur marken.</p>".repeat(6) + "</article><ul class='list'>" + items + "</ul></main></body></html>";
    Article article = new ArticleExtractor(ExtractionRules.NONE)
        .extract(story.getBytes(StandardCharsets.UTF_8), "text/html", "https://news.example.se/cykel");
    assertThat(article.text()).contains("Regionen har beslutat att bygga nya cykelbanor");
  }

  @Test
  void keepsWordPressPostWithSubheadingListAndQuote() {
    Article a = Fixtures.extract("wordpress-blog", null);
    assertHasEveryParagraph(a, "wordpress-blog");
    assertThat(a.text()).startsWith("The little ferry").endsWith("in good time.");
  }

  @Test
  void dropsWordPressCommentsReplyFormAndSubscribeWidget() {
    String text = Fixtures.extract("wordpress-blog", null).text();
    assertThat(text)
        .doesNotContain("thoughts on")
        .doesNotContain("replacement launch was hopeless")
        .doesNotContain("Leave a Reply")
        .doesNotContain("Your email address will not be published")
        .doesNotContain("Subscribe to Blog via Email")
        .doesNotContain("Enter your email address")
        .doesNotContain("Recent Posts");
  }

  @Test
  void dropsShareBarsPostNavigationCategoryLinesAndFooter() {
    String text = Fixtures.extract("wordpress-blog", null).text();
    assertThat(text)
        .doesNotContain("Share this")
        .doesNotContain("Previous post")
        .doesNotContain("Posted in")
        .doesNotContain("Tagged")
        .doesNotContain("Posted on")
        .doesNotContain("Proudly powered by WordPress")
        .doesNotContain("Skip to content");
  }

  @Test
  void leavesHeadlineAndBylineOutOfText() {
    Article a = Fixtures.extract("news-site", null);
    assertThat(a.title()).isEqualTo("City council backs plan for riverside cycle lane");
    assertThat(a.text())
        .doesNotContain("City council backs plan")
        .doesNotContain("By Priya Natarajan")
        .doesNotContain("14 March 2024, 17:42");
  }

  @Test
  void dropsNavCookieNoticeAdsRelatedListAndNewsletterBox() {
    Article a = Fixtures.extract("news-site", null);
    assertHasEveryParagraph(a, "news-site");
    assertThat(a.text())
        .doesNotContain("We use cookies")
        .doesNotContain("Advertisement")
        .doesNotContain("Home")
        .doesNotContain("Read more")
        .doesNotContain("Bridge repairs finish two weeks early")
        .doesNotContain("Related stories")
        .doesNotContain("Bus lane camera fines")
        .doesNotContain("Sign up for our free morning newsletter")
        .doesNotContain("Share on Facebook")
        .doesNotContain("Topics:")
        .doesNotContain("Photo: Valley Courier archive")
        .doesNotContain("Back to Top")
        .doesNotContain("All rights reserved");
  }

  @Test
  void dropsSubscribeBoxAndCopyrightFooterAroundSeedArticle() {
    Article a = Fixtures.extract("seed-iria", null);
    assertHasEveryParagraph(a, "seed-iria");
    assertThat(a.text())
        .doesNotContain("No Comments on")
        .doesNotContain("Asia-Pacific, Europe, News")
        .doesNotContain("Related Articles")
        .doesNotContain("Leave a comment")
        .doesNotContain("Copyright")
        .doesNotContain("IRIA is a research institute")
        .doesNotContain("Subscribe to IRIA News")
        .doesNotContain("Enter your email address")
        .doesNotContain("Back to Top");
  }

  @Test
  void dropsImageCreditCaptionsThatAreNotTheStory() {
    assertThat(Fixtures.extract("seed-iria", null).text()).doesNotContain("Image Credit");
  }

  @Test
  void dropsCategorizedInLineAfterSecondSeedArticle() {
    Article a = Fixtures.extract("seed-worlddesk", null);
    assertHasEveryParagraph(a, "seed-worlddesk");
    assertThat(a.text()).doesNotContain("Categorized in").endsWith("established by the Taliban.");
  }

  @Test
  void takesMicrodataArticleBodyAndSkipsTeaserAndShareLinks() {
    Article a = Fixtures.extract("amp-microdata", null);
    assertThat(a.text()).isEqualTo(Fixtures.expectedText("amp-microdata"));
  }

  @Test
  void findsStoryInPageWithoutSemanticMarkup() {
    Article a = Fixtures.extract("plain", null);
    assertHasEveryParagraph(a, "plain");
    assertThat(a.text()).doesNotContain("Home | Projects").doesNotContain("Published 3 February");
  }

  @Test
  void separatesParagraphsWithBlankLines() {
    String text = Fixtures.extract("opengraph", null).text();
    assertThat(text.split("\n\n")).hasSize(3);
    assertThat(text).doesNotContain("\n\n\n").isEqualTo(text.strip());
  }

  @Test
  void decodesUndeclaredWindows1252PageWithoutMojibake() {
    Article a = Fixtures.extract("windows-1252", null);
    assertThat(a.title()).isEqualTo("Vendanges précoces dans le Bordelais");
    assertThat(a.text()).contains("d’avance").contains("« casse-tête »").doesNotContain("\uFFFD");
  }

  @Test
  void usesJsonLdArticleBodyWhenPageShowsTooLittle() {
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
            + "\"articleBody\":\"First paragraph of a story that the page only renders with script, long enough"
            + " to count.\\n\\nSecond paragraph of the same story, which also has plenty of words in it to be"
            + " real prose rather than a label.\"}</script></head><body><div id=\"app\">Loading…</div></body></html>";
    Article a = new ArticleExtractor(ExtractionRules.NONE).extract(html.getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(a.text()).startsWith("First paragraph").contains("\n\nSecond paragraph");
  }

  @Test
  void neverThrowsOnMalformedOrEmptyInput() {
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    assertThat(extractor.extract(new byte[0], null, null).text()).isEmpty();
    assertThat(extractor.extract("<<<>>><p><div></p>".getBytes(StandardCharsets.UTF_8), "text/html", "not a url").text())
        .isNotNull();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      deep.append("<div>");
    }
    deep.append("<p>").append("Deeply nested words, with commas, and more words. ".repeat(10)).append("</p>");
    assertThat(extractor.extract(deep.toString().getBytes(StandardCharsets.UTF_8), null, null)).isNotNull();
    assertThat(extractor.extract((org.jsoup.nodes.Document) org.jsoup.Jsoup.parse(""), null).text()).isEmpty();
  }

  @Test
  void appliesIncludeAndExcludeRulesForTheHostAndItsSubdomains() {
    ExtractionRules rules =
        ExtractionRules.fromProperties(
            java.util.Map.of(
                "extract.include.valleycourier.example", "div.story__body",
                "extract.exclude.valleycourier.example", "div.story__body h2"));
    Article a =
        new ArticleExtractor(rules).extract(Fixtures.page("news-site"), null, "https://www.valleycourier.example/x");
    assertThat(a.text()).startsWith("Plans for a two-kilometre").doesNotContain("Shops divided");

    Article other = new ArticleExtractor(rules).extract(Fixtures.page("news-site"), null, "https://elsewhere.example/x");
    assertThat(other.text()).contains("Shops divided");
  }

  @Test
  void retriesWithoutNameRulesWhenTheStoryWrapperHasABoilerplateName() {
    String story = "<p>" + "The harbour board met on Tuesday, and the vote on the new slipway was close. ".repeat(4) + "</p>";
    String html =
        "<html><body><div class=\"menu-area\"><p>"
            + "<a href=\"/x\">A long menu entry that links to another section, one of many</a>, ".repeat(24)
            + "</p></div><div class=\"popup-layout\">" + story + story + "</div></body></html>";
    Article a = new ArticleExtractor(ExtractionRules.NONE).extract(html.getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(a.text()).contains("The harbour board met on Tuesday");
  }

  @Test
  void usesJsonLdArticleBodyWhenDomMissesMostOfTheStory() {
    String paragraph = "Paragraph about the river crossing and the people who use it every day of the week. ";
    String ldBody = (paragraph + "\\n\\n").repeat(12);
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
            + ldBody + "\"}</script></head><body><div class=\"gallery\"><p>"
            + "A gallery intro with unrelated words that fill some space on this page for readers. ".repeat(4)
            + "</p></div></body></html>";
    Article a = new ArticleExtractor(ExtractionRules.NONE).extract(html.getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(a.text()).startsWith("Paragraph about the river crossing").doesNotContain("gallery intro");
  }

  @Test
  void oneInstanceGivesTheSameResultsAcrossThreads() throws Exception {
    ArticleExtractor shared = new ArticleExtractor(ExtractionRules.NONE);
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    for (String name : Fixtures.PAGES) {
      expected.put(name, shared.extract(Fixtures.page(name), null, null).text());
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        for (String name : Fixtures.PAGES) {
          results.add(pool.submit(() -> shared.extract(Fixtures.page(name), null, null).text().equals(expected.get(name))));
        }
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
