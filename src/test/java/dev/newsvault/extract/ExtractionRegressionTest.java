package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Scores the extractor over every committed fixture the way the benchmark does, so a change that
 * loses story text or lets boilerplate in shows up as a number, not just as a failed phrase check.
 */
class ExtractionRegressionTest {

  /** Measured 0.99+ on the fixtures; the floor leaves room only for small wording changes. */
  private static final double F1_FLOOR = 0.97;

  @Test
  void fixtureSampleScoresAboveFloor() {
    ShingleScore score = new ShingleScore();
    for (String name : Fixtures.PAGES) {
      score.add(Fixtures.expectedText(name), Fixtures.extract(name, null).text());
    }
    assertThat(score.f1()).as("F1 over fixtures (P=%.3f R=%.3f)", score.precision(), score.recall())
        .isGreaterThanOrEqualTo(F1_FLOOR);
    assertThat(score.precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shingleScoreMatchesBenchmarkDefinition() {
    ShingleScore perfect = new ShingleScore();
    perfect.add("one two three four five", "one two three four five");
    assertThat(perfect.f1()).isEqualTo(1.0);

    ShingleScore half = new ShingleScore();
    // truth has shingles (a b c d) and (b c d e); prediction adds (c d e f) — one tp... two tp, one fp.
    half.add("a b c d e", "a b c d e f");
    assertThat(half.precision()).isEqualTo(2.0 / 3.0);
    assertThat(half.recall()).isEqualTo(1.0);
  }
}
