package dev.newsvault.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingTest {

  static final Instant T = Instant.parse("2025-03-04T10:17:00Z");

  @Test
  void intervalsReadInEveryUsualForm() {
    assertThat(Durations.parse("k", "30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("k", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("k", "7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("k", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }

  @Test
  void aBadIntervalNamesTheKeyAndValue() {
    for (String bad : List.of("", "30", "0m", "soon", "1h-5m", "5 minutes")) {
      assertThatThrownBy(() -> Durations.parse("schedule.news.every", bad))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("schedule.news.every").hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void everyIsMeasuredFromTheLastStartAndANeverRunListIsDueNow() {
    Timing t = Timing.every("k", "30m");
    assertThat(t.next(null, T)).isEqualTo(T);
    assertThat(t.next(T, T)).isEqualTo(T.plusSeconds(1800));
  }

  @Test
  void cronGivesTheNextMatchingMinuteInItsZone() {
    Timing t = Timing.cron("k", "0 */2 * * *", ZoneOffset.UTC);
    assertThat(t.next(T, T)).isEqualTo(Instant.parse("2025-03-04T12:00:00Z"));
    Timing berlin = Timing.cron("k", "30 6 * * *", ZoneId.of("Europe/Berlin"));
    assertThat(berlin.next(T, T)).isEqualTo(Instant.parse("2025-03-05T05:30:00Z"));
  }

  @Test
  void anInvalidCronIsAConfigErrorNamingTheListAndValue() {
    assertThatThrownBy(() -> Timing.cron("schedule.news.cron", "61 * * * *", ZoneOffset.UTC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schedule.news.cron").hasMessageContaining("'61 * * * *'")
        .hasMessageContaining("minute hour day-of-month month day-of-week");
    assertThatThrownBy(() -> Timing.cron("schedule.news.cron", "every hour", ZoneOffset.UTC))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'every hour'");
  }

  @Test
  void dueListsAreTheNeverRunAndTheOverdueWithinTheSlack() {
    ScheduledList never = new ScheduledList("never", Path.of("never.txt"), Timing.every("k", "1h"));
    ScheduledList overdue = new ScheduledList("overdue", Path.of("overdue.txt"), Timing.every("k", "1h"));
    ScheduledList almost = new ScheduledList("almost", Path.of("almost.txt"), Timing.every("k", "1h"));
    ScheduledList later = new ScheduledList("later", Path.of("later.txt"), Timing.every("k", "1h"));
    Map<String, Instant> last = Map.of(
        "overdue", T.minusSeconds(3700),
        "almost", T.minusSeconds(3600 - 20),
        "later", T.minusSeconds(600));
    assertThat(Due.lists(List.of(never, overdue, almost, later), last, T, Duration.ofMinutes(1)))
        .extracting(ScheduledList::name).containsExactly("never", "overdue", "almost");
    assertThat(Due.lists(List.of(never, overdue, almost, later), last, T, Duration.ZERO))
        .extracting(ScheduledList::name).containsExactly("never", "overdue");
  }
}
