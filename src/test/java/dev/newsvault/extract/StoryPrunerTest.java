package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class StoryPrunerTest {

  private static final String PROSE = "The council met on Tuesday to discuss the harbour plan, and members spoke at"
      + " length about the costs, the schedule and the effect on the fishing fleet that works from the quay. ";

  /**
   * In quirks mode (no doctype) a table stays inside the paragraph it opens in. When that table is a block of
   * links, pruning removes it, and the paragraph's text read before no longer holds: the story's run of
   * paragraphs is measured again, so the short line after it is judged on the paragraph as it now is.
   */
  @Test
  void paragraphTextsReadBeforeAreForgottenWhenPruningRemovesABlockInsideAParagraph() {
    String links = "<a href=/one>" + "Read the full guide to the harbour plan and its costs ".repeat(4) + "</a>"
        + "<a href=/two>" + "Everything you need to know about the new quay schedule ".repeat(4) + "</a>";
    String html = "<html><body><div id=story><div>" + PROSE.repeat(8) + "</div>"
        + "<p>In short.<table class=more><tr><td>" + links + "</td></tr></table></p>"
        + "<div class=follow>Follow us for more</div></div></body></html>";

    assertThat(pruned(html, false)).contains("Follow us for more").doesNotContain("Read the full guide");
    assertThat(pruned(html, true)).isEqualTo(pruned(html, false));
  }

  /** Without a removal, texts read before are the texts: the result is the same with or without them. */
  @Test
  void paragraphTextsReadBeforeGiveTheSameResultWhenNothingIsRemoved() {
    String html = "<!doctype html><html><body><div id=story><p>" + PROSE.repeat(3) + "</p><p>" + PROSE.repeat(2)
        + "</p><div class=follow>Follow us for more</div></div></body></html>";

    assertThat(pruned(html, false)).doesNotContain("Follow us for more").contains("harbour plan");
    assertThat(pruned(html, true)).isEqualTo(pruned(html, false));
  }

  /** The story container's HTML after pruning, with the paragraphs' texts read beforehand or not. */
  private static String pruned(String html, boolean readBefore) {
    Document doc = Jsoup.parse(html);
    Element story = doc.getElementById("story");
    Map<Element, String> texts = new IdentityHashMap<>();
    if (readBefore) {
      for (Element p : doc.getElementsByTag("p")) {
        texts.put(p, p.text());
      }
    }
    List<Element> roots = StoryPruner.prune(List.of(story), TextStats.of(doc.body()), texts);
    assertThat(roots).containsExactly(story);
    return story.outerHtml();
  }
}
