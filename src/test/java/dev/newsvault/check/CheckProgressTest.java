package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.CheckTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckProgressTest {

  private static List<CheckTarget> targets(String host, int n) {
    List<CheckTarget> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new CheckTarget(i, "https://" + host + "/news/" + i, null, "live", 1, null, null, null, null, 100));
    }
    return out;
  }

  @Test
  void theLargestSiteSetsTheLeastTimePolitenessAllows() {
    List<CheckTarget> t = new ArrayList<>(targets("a.example", 2000));
    t.addAll(targets("b.example", 10));

    String s = CheckProgress.estimate(t, 1000);

    assertThat(s).isEqualTo("checking 2,010 articles on 2 sites: requests to one site are 1s apart"
        + " (politeness.delay.ms, or a larger robots.txt Crawl-delay), so with 2,000 articles on the largest site"
        + " this takes at least 33m 19s");
  }

  @Test
  void noEstimateWhenPolitenessCostsUnderASecond() {
    assertThat(CheckProgress.estimate(targets("a.example", 500), 0)).isNull();
    assertThat(CheckProgress.estimate(targets("a.example", 1), 5000)).isNull();
  }

  @Test
  void progressLineCountsOutcomes() {
    StringWriter w = new StringWriter();
    try (CheckProgress p = new CheckProgress(new PrintWriter(w), false, 3600, 4)) {
      p.done(new CheckResult("u1", CheckOutcome.UNCHANGED, 1, 1, 10, 0, 0, null, null, null));
      p.done(new CheckResult("u2", CheckOutcome.CHANGED, 1, 2, 10, 1, 1, null, null,
          new ChangeLabel(ChangeKind.NUMBER, 1, 1)));
      assertThat(p.line()).startsWith("checked 2/4: 1 unchanged, 1 changed, 0 gone, 0 moved, 0 error")
          .contains("URLs/s, about ");
    }
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertThat(CheckProgress.human(Duration.ofSeconds(3725))).isEqualTo("1h 2m");
    assertThat(CheckProgress.human(Duration.ofSeconds(468))).isEqualTo("7m 48s");
    assertThat(CheckProgress.human(Duration.ofMillis(500))).isEqualTo("0.5s");
  }
}
