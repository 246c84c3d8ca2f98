package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    assertThat(out).isEqualTo("Keep.\n\n\u001b[31mOld\u001b[0m \u001b[32mNew\u001b[0m word.");
  }

  /** An article of {@code paragraphs} paragraphs of 40 generated words each. */
  private static String article(long seed, int paragraphs) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        b.append("\n\n");
      }
      for (int w = 0; w < 40; w++) {
        b.append(w == 0 ? "" : " ").append("w").append(r.nextInt(1_000_000));
      }
      b.append('.');
    }
    return b.toString();
  }

  static String side(TextDiff d, boolean after) {
    StringBuilder b = new StringBuilder();
    for (TextDiff.Segment s : d.segments()) {
      b.append(s.isChange() ? (after ? s.inserted() : s.deleted()) : s.same());
    }
    return b.toString();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, far above the expected time: word by word took minutes
  void aLongTextRewrittenWholesaleIsDiffedWithoutHoldingTheThread() {
    String before = article(1, 1_000); // 40,000 words
    String after = article(2, 1_000);

    TextDiff d = WordDiff.of(before, after);

    assertThat(d.wordsRemoved()).isEqualTo(40_000);
    assertThat(d.wordsAdded()).isEqualTo(40_000);
    assertThat(side(d, false)).isEqualTo(WordDiff.normalize(before));
    assertThat(side(d, true)).isEqualTo(WordDiff.normalize(after));
  }

  @Test
  void anEditInsideALongTextStillReadsWordByWord() {
    String before = article(3, 400); // 16,000 words: matched paragraph by paragraph first
    String[] paragraphs = before.split("\n\n");
    paragraphs[200] = paragraphs[200].replaceFirst(" w", " changed w");
    paragraphs[300] = paragraphs[300] + " One more sentence.";
    String after = String.join("\n\n", paragraphs) + "\n\nA closing paragraph.";

    TextDiff d = WordDiff.of(before, after);

    assertThat(d.wordsAdded()).isEqualTo(1 + 3 + 3);
    assertThat(d.wordsRemoved()).isZero();
    assertThat(d.segments()).filteredOn(TextDiff.Segment::isChange).hasSize(3);
    assertThat(side(d, false)).isEqualTo(WordDiff.normalize(before));
    assertThat(side(d, true)).isEqualTo(WordDiff.normalize(after));
  }
}
