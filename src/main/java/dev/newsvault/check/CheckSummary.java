package dev.newsvault.check;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a batch of checks found: counts per outcome, and whether it was stopped before the end.
 *
 * @param counts how many URLs ended with each outcome (every outcome present, zero when none)
 * @param stopped true when the batch was stopped (Ctrl-C) before every URL was checked
 */
public record CheckSummary(Map<CheckOutcome, Integer> counts, boolean stopped) {

  public CheckSummary {
    EnumMap<CheckOutcome, Integer> all = new EnumMap<>(CheckOutcome.class);
    for (CheckOutcome o : CheckOutcome.values()) {
      all.put(o, counts.getOrDefault(o, 0));
    }
    counts = Map.copyOf(all);
  }

  public int count(CheckOutcome o) {
    return counts.get(o);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether any URL was changed, gone or moved. */
  public boolean anyNews() {
    return count(CheckOutcome.CHANGED) + count(CheckOutcome.GONE) + count(CheckOutcome.MOVED) > 0;
  }
}
