package dev.newsvault.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.check.CheckOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisitPolicyTest {

  static final RevisitSettings S = new RevisitSettings(true, Duration.ofHours(1), Duration.ofHours(8), 2.0,
      Duration.ofDays(7), Duration.ofMinutes(15), 500);
  static final Instant SEEN = Instant.parse("2025-03-04T10:00:00Z");

  static RevisitHistory history(Instant published, Object... checks) {
    List<RevisitCheck> l = new ArrayList<>();
    for (int i = 0; i < checks.length; i += 2) {
      l.add(new RevisitCheck(Instant.parse((String) checks[i]), (CheckOutcome) checks[i + 1]));
    }
    return new RevisitHistory("https://example.test/a", SEEN, published, l);
  }

  @Test
  void firstCheckComesMinAfterFirstSeen() {
    assertThat(RevisitPolicy.next(history(null), S))
        .contains(new RevisitPlan(Instant.parse("2025-03-04T11:00:00Z"), Duration.ofHours(1)));
  }

  @Test
  void unchangedChecksBackOffByTheFactorUpToTheMax() {
    RevisitHistory h = history(null,
        "2025-03-04T11:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T13:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T17:00:00Z", CheckOutcome.UNCHANGED);
    assertThat(RevisitPolicy.next(h, S))
        .contains(new RevisitPlan(Instant.parse("2025-03-05T01:00:00Z"), Duration.ofHours(8)));
    RevisitHistory more = history(null,
        "2025-03-04T11:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T13:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T17:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-05T01:00:00Z", CheckOutcome.UNCHANGED);
    assertThat(RevisitPolicy.next(more, S).map(RevisitPlan::interval)).contains(Duration.ofHours(8));
  }

  @Test
  void aChangeTightensBackToTheMinimum() {
    RevisitHistory h = history(null,
        "2025-03-04T11:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T13:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T17:00:00Z", CheckOutcome.CHANGED);
    assertThat(RevisitPolicy.next(h, S))
        .contains(new RevisitPlan(Instant.parse("2025-03-04T18:00:00Z"), Duration.ofHours(1)));
  }

  @Test
  void anErrorKeepsTheIntervalAndRetriesFromTheFailedCheck() {
    RevisitHistory h = history(null,
        "2025-03-04T11:00:00Z", CheckOutcome.UNCHANGED,
        "2025-03-04T13:05:00Z", CheckOutcome.ERROR);
    assertThat(RevisitPolicy.next(h, S))
        .contains(new RevisitPlan(Instant.parse("2025-03-04T15:05:00Z"), Duration.ofHours(2)));
  }

  @Test
  void revisitsStopAfterMaxAgeFromFirstSeen() {
    RevisitHistory h = history(null, "2025-03-11T09:00:00Z", CheckOutcome.UNCHANGED);
    assertThat(RevisitPolicy.next(h, S)).isEmpty();
    RevisitHistory justBefore = history(null, "2025-03-11T09:30:00Z", CheckOutcome.CHANGED);
    assertThat(RevisitPolicy.next(justBefore, S)).isEmpty();
    RevisitHistory inTime = history(null, "2025-03-11T08:30:00Z", CheckOutcome.CHANGED);
    assertThat(RevisitPolicy.next(inTime, S)).isPresent();
  }

  @Test
  void revisitsStopAfterMaxAgeFromAnEarlierPublicationDate() {
    Instant published = Instant.parse("2025-02-20T00:00:00Z");
    assertThat(RevisitPolicy.next(history(published), S)).isEmpty();
    Instant recent = Instant.parse("2025-03-04T08:00:00Z");
    assertThat(RevisitPolicy.next(history(recent), S)).isPresent();
    Instant future = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(RevisitPolicy.next(history(future), S)).isPresent();
  }

  @Test
  void goneOrMovedEndsTheRevisits() {
    assertThat(RevisitPolicy.next(history(null, "2025-03-04T11:00:00Z", CheckOutcome.GONE), S)).isEmpty();
    assertThat(RevisitPolicy.next(history(null, "2025-03-04T11:00:00Z", CheckOutcome.MOVED), S)).isEmpty();
  }

  @Test
  void dueRevisitsAreTheOverdueOnesMostOverdueFirstUpToTheBatch() {
    List<RevisitHistory> hs = List.of(
        new RevisitHistory("https://e.test/late", SEEN.minusSeconds(7200), null, List.of()),
        new RevisitHistory("https://e.test/later", SEEN.minusSeconds(3600), null, List.of()),
        new RevisitHistory("https://e.test/not-yet", SEEN, null, List.of()));
    Instant now = SEEN.plusSeconds(1800);
    List<Due.Planned> due = Due.revisits(Due.plans(hs, S), now, 10);
    assertThat(due).extracting(p -> p.history().url()).containsExactly("https://e.test/late", "https://e.test/later");
    assertThat(Due.revisits(Due.plans(hs, S), now, 1)).hasSize(1);
    assertThat(Due.plans(hs, S)).allSatisfy(p -> assertThat(p.plan()).isNotEqualTo(Optional.empty()));
  }
}
