package dev.newsvault.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.newsvault.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a scheduled job runs: every fixed interval, or by a five-field Unix cron expression. */
public sealed interface Timing {

  /**
   * The first time after {@code last} (a run's start) that the job is due; for a job that never ran, the
   * job is due at once ({@code now}).
   */
  Instant next(Instant last, Instant now);

  /** How the timing reads in the config. */
  String describe();

  /** A fixed interval, measured from the start of the last run. */
  record Every(Duration interval) implements Timing {
    @Override
    public Instant next(Instant last, Instant now) {
      return last == null ? now : last.plus(interval);
    }

    @Override
    public String describe() {
      return "every " + Durations.format(interval);
    }
  }

  /** A Unix cron expression (minute hour day-of-month month day-of-week) read in {@code zone}. */
  record Cron(String expression, ExecutionTime execution, ZoneId zone) implements Timing {
    @Override
    public Instant next(Instant last, Instant now) {
      if (last == null) {
        return now;
      }
      return execution.nextExecution(ZonedDateTime.ofInstant(last, zone)).map(ZonedDateTime::toInstant)
          .orElse(Instant.MAX);
    }

    @Override
    public String describe() {
      return "cron '" + expression + "' (" + zone + ")";
    }
  }

  /** Parses {@code schedule.<list>.every}. */
  static Timing every(String key, String value) {
    return new Every(Durations.parse(key, value));
  }

  /** Parses {@code schedule.<list>.cron}; an invalid expression is a ConfigException naming key and value. */
  static Timing cron(String key, String value, ZoneId zone) {
    CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    try {
      com.cronutils.model.Cron c = parser.parse(value.strip());
      c.validate();
      return new Cron(value.strip(), ExecutionTime.forCron(c), zone);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config key '" + key + "' has value '" + value + "', which is not a cron"
          + " expression: " + e.getMessage() + ". It accepts five fields: minute hour day-of-month month"
          + " day-of-week, e.g. '0 */2 * * *' (every two hours) or '*/15 6-22 * * 1-5'");
    }
  }
}
