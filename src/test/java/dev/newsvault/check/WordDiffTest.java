package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

  private static final DiffRenderer MARKUP = new DiffRenderer(DiffRenderer.Style.MARKUP, false);

  @Test
  void oneChangedWordIsMarkedInItsParagraphOnly() {
    String before = "First paragraph stays.\n\nThe budget falls by 1.2 million pounds.\n\nLast one stays.";
    String after = "First paragraph stays.\n\nThe budget falls by 1.4 million pounds.\n\nLast one stays.";

    TextDiff d = WordDiff.of(before, after);

    assertThat(d.wordsAdded()).isEqualTo(1);
    assertThat(d.wordsRemoved()).isEqualTo(1);
    assertThat(MARKUP.render(d)).isEqualTo("[... 1 unchanged paragraph ...]\n\n"
        + "The budget falls by 1.[-2-]{+4+} million pounds.\n\n[... 1 unchanged paragraph ...]");
  }

  @Test
  void neighbouringReplacedWordsReadAsOneChange() {
    TextDiff d = WordDiff.of("the cat sat on the mat", "a dog sat on the mat");

    assertThat(MARKUP.render(d)).isEqualTo("[-the cat-]{+a dog+} sat on the mat");
  }

  @Test
  void quoteStylesAndSpacingAreNotChanges() {
    TextDiff d = WordDiff.of("He said \u201cno\u201d  today.", "He said \"no\" today.");

    assertThat(d.changed()).isFalse();
    assertThat(MARKUP.render(d)).isEmpty();
  }

  @Test
  void addedParagraphIsAnInsertion() {
    TextDiff d = WordDiff.of("One.\n\nTwo.", "One.\n\nTwo.\n\nA correction was added.");

    assertThat(d.wordsAdded()).isEqualTo(4);
    assertThat(d.wordsRemoved()).isZero();
    assertThat(MARKUP.render(d)).isEqualTo("[... 1 unchanged paragraph ...]\n\nTwo.{+\n\nA correction was added.+}");
  }

  @Test
  void fullShowsEveryParagraphAndAnsiColoursChanges() {
    DiffRenderer ansi = new DiffRenderer(DiffRenderer.Style.ANSI, true);

    String out = ansi.render(WordDiff.of("Keep.\n\nOld word.", "Keep.\n\nNew word."));

    assertThat(out).isEqualTo("Keep.\n\n\u001b[31mOld\u001b[0m\u001b[32mNew\u001b[0m word.");
  }
}
