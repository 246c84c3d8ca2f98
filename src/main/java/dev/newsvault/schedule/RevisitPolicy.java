package dev.newsvault.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The adaptive revisit rule, a pure function of an article's history and the settings (no clock inside):
 * <ul>
 *   <li>the first re-check is {@code min} after the article was first seen;</li>
 *   <li>each unchanged re-check multiplies the interval by {@code factor}, up to {@code max};</li>
 *   <li>a changed re-check resets the interval to {@code min} (the story is being edited);</li>
 *   <li>a failed re-check keeps the interval (a 5xx or timeout says nothing about the text);</li>
 *   <li>gone or moved stops the revisits, and so does age: no re-check is planned after
 *       {@code maxAge} from publication or first sight, whichever is earlier.</li>
 * </ul>
 * StormCrawler's AdaptiveScheduler works the same way on fetch intervals.
 */
public final class RevisitPolicy {

  private RevisitPolicy() {}

  /** The next re-check of the article, or empty when it should not be re-checked again. */
  public static Optional<RevisitPlan> next(RevisitHistory h, RevisitSettings s) {
    Instant anchor = h.published() != null && h.published().isBefore(h.firstSeen()) ? h.published() : h.firstSeen();
    Instant stop = anchor.plus(s.maxAge());
    Duration interval = s.min();
    Instant from = h.firstSeen();
    for (RevisitCheck c : h.checks()) {
      switch (c.outcome()) {
        case GONE, MOVED -> {
          return Optional.empty();
        }
        case CHANGED -> interval = s.min();
        case UNCHANGED -> interval = grow(interval, s);
        case ERROR -> { }
      }
      from = c.at();
    }
    Instant at = from.plus(interval);
    return at.isAfter(stop) ? Optional.empty() : Optional.of(new RevisitPlan(at, interval));
  }

  private static Duration grow(Duration d, RevisitSettings s) {
    double seconds = d.getSeconds() * s.factor();
    long capped = (long) Math.min(seconds, s.max().getSeconds());
    return Duration.ofSeconds(Math.max(capped, s.min().getSeconds()));
  }
}
