package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A diff compares the folded text but shows the text as archived, and a replacement never runs words together. */
class DiffShowsArchivedTextTest {

  private static String side(TextDiff d, boolean after) {
    return WordDiffTest.side(d, after);
  }

  @Test
  void curlyQuotesDashesAndNonBreakingSpacesAreShownAsArchived() {
    String before = "The mayor said \u201Cwe will rebuild\u201D \u2014 and\u00A0expressed concern about costs.\n\n"
        + "A second paragraph.";
    String after = "The mayor said \u201Cwe will rebuild\u201D \u2014 and\u00A0said he feared the costs.\n\n"
        + "A second paragraph.";

    TextDiff d = WordDiff.of(before, after);

    assertThat(side(d, false)).isEqualTo(before);
    assertThat(d.segments().get(0).same()).contains("\u201Cwe will rebuild\u201D \u2014 and\u00A0");
    assertThat(side(d, true)).isEqualTo(after);
    assertThat(d.segments()).filteredOn(TextDiff.Segment::isChange)
        .extracting(TextDiff.Segment::deleted).containsOnly("expressed concern about", "");
  }

  @Test
  void aChangeOfQuoteStyleOrSpacingAloneIsNoChange() {
    TextDiff d = WordDiff.of("He said \u201Cyes\u201D \u2013 twice.", "He said \"yes\"  -\u00A0twice.");
    assertThat(d.segments()).noneMatch(TextDiff.Segment::isChange);
    assertThat(d.wordsAdded()).isZero();
    assertThat(d.wordsRemoved()).isZero();
    assertThat(side(d, false)).isEqualTo("He said \u201Cyes\u201D \u2013 twice.");
  }

  @Test
  void aDeletionAndTheInsertionAfterItAreSeparatedInColour() {
    DiffRenderer colour = new DiffRenderer(DiffRenderer.Style.ANSI, false);
    assertThat(colour.mark("expressed concern", "said he"))
        .isEqualTo("\u001b[31mexpressed concern\u001b[0m \u001b[32msaid he\u001b[0m");
    // with markers the brackets already separate them
    assertThat(new DiffRenderer(DiffRenderer.Style.MARKUP, false).mark("expressed concern", "said he"))
        .isEqualTo("[-expressed concern-]{+said he+}");
  }
}
