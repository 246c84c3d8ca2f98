package dev.newsvault.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pure selection of what is due at a given instant: seed lists, and articles to re-check. */
public final class Due {

  private Due() {}

  /**
   * The seed lists due at {@code now}: never run, or their next run (from the last start) is at most
   * {@code slack} away. The slack lets a crontab line that fires on the minute catch a run planned a few
   * seconds later.
   */
  public static List<ScheduledList> lists(List<ScheduledList> lists, Map<String, Instant> lastStarted, Instant now,
      Duration slack) {
    List<ScheduledList> out = new ArrayList<>();
    for (ScheduledList l : lists) {
      Instant next = l.timing().next(lastStarted.get(l.name()), now);
      if (!next.isAfter(now.plus(slack))) {
        out.add(l);
      }
    }
    return out;
  }

  /** One article's plan, or none when its revisits are over. */
  public record Planned(RevisitHistory history, Optional<RevisitPlan> plan) {}

  /** Every article's plan under the revisit rule. */
  public static List<Planned> plans(List<RevisitHistory> histories, RevisitSettings s) {
    List<Planned> out = new ArrayList<>();
    for (RevisitHistory h : histories) {
      out.add(new Planned(h, RevisitPolicy.next(h, s)));
    }
    return out;
  }

  /** The articles due at {@code now}, most overdue first, at most {@code limit}. */
  public static List<Planned> revisits(List<Planned> plans, Instant now, int limit) {
    return plans.stream()
        .filter(p -> p.plan().isPresent() && !p.plan().get().at().isAfter(now))
        .sorted(Comparator.comparing((Planned p) -> p.plan().get().at()).thenComparing(p -> p.history().url()))
        .limit(limit)
        .toList();
  }
}
