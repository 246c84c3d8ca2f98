package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-written pages of kinds other than news, in several languages, each with a {@code .expect}
 * file: {@code + text} must be in the extracted text, {@code - text} must not, {@code lang xx} is the
 * language detected from the text. Each page exercises one mechanism (ruby annotations, a story
 * only in {@code <noscript>}, a cookie overlay, utility class names, heading anchors named like
 * boilerplate, lists, sibling sections, link lists judged per item, lists of
 * sentences, a summary box that restates the story, long reads in chunks with h1 section titles, a landing page of feature cards,
 * a declared article body holding a gallery, blocks of links inside the story, a kicker above the headline and
 * meta and teaser lines that hold it, a standfirst between the headline and the body, a consent notice longer
 * than the story, app and follow-us pitches after the last paragraph, and a story of one long paragraph that a
 * footer box with a story-like name outscores, a story in chunks numbered by their class, a forum thread of
 * posts alike in length, a page builder's sections in wrappers alike, a pitch in a box with a close control between the
 * headline and the body).
 */
class PageKindsExtractionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ja-ruby", "noscript-only", "cookie-overlay", "utility-classes", "documentation", "recipe",
        "product", "forum-thread", "sibling-sections", "inline-terms", "reference-lists",
        "release-notes", "summary-box", "longform-chunks",
        "feature-cards", "declared-body", "link-blocks", "kicker-meta-line", "kicker-teaser",
        "standfirst", "consent-longer-than-story", "trailing-pitches", "named-box-outscores-story",
        "numbered-chunks", "forum-posts-alike", "builder-sections", "table-of-contents", "dismissible-pitch"
      })
  void extractsTheStoryOfEachKindOfPage(String name) {
    Article a = new ArticleExtractor(ExtractionRules.NONE)
        .extract(Fixtures.bytes("kinds/" + name + ".html"), "text/html", "https://example.org/" + name);
    String expect = new String(Fixtures.bytes("kinds/" + name + ".expect"), StandardCharsets.UTF_8);
    assertThat(expect).contains("+ ");
    SoftAssertions soft = new SoftAssertions();
    for (String line : expect.split("\n")) {
      if (line.startsWith("+ ")) {
        soft.assertThat(a.text()).as(name).contains(line.substring(2));
      } else if (line.startsWith("- ")) {
        soft.assertThat(a.text()).as(name).doesNotContain(line.substring(2));
      } else if (line.startsWith("lang ")) {
        soft.assertThat(a.languageDetected()).as(name + " language").isEqualTo(line.substring(5).strip());
      }
    }
    soft.assertAll();
  }

  @org.junit.jupiter.api.Test
  void aTableOfContentsOfTheStorysOwnSectionsIsKeptAsAList() {
    Article a = new ArticleExtractor(ExtractionRules.NONE)
        .extract(Fixtures.bytes("kinds/table-of-contents.html"), "text/html", "https://example.org/toc");
    assertThat(a.markdown()).contains("- Setting up the shared repository\n- Amending a change someone already has\n"
        + "- When two people amend the same change");
    assertThat(a.markdown()).doesNotContain("Continuous integration");
  }
}
