package dev.newsvault.schedule;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The validated {@code schedule.*} settings: one {@link ScheduledList} per seed file with its timing, and the
 * revisit settings. {@code schedule.<list>.every} / {@code .cron} set one list's timing; lists without their
 * own use {@code schedule.default.every} / {@code .cron} (default: every 1h). Cron expressions are read in the
 * machine's time zone unless {@code schedule.zone} names another.
 */
public record ScheduleConfig(List<ScheduledList> lists, RevisitSettings revisit, ZoneId zone) {

  /** The job name under which revisit rounds are recorded; no seed list may have it. */
  public static final String REVISITS = "revisits";

  static final Set<String> REVISIT_KEYS = Set.of("schedule.revisit.enabled", "schedule.revisit.min",
      "schedule.revisit.max", "schedule.revisit.factor", "schedule.revisit.max-age", "schedule.revisit.every",
      "schedule.revisit.batch");

  public ScheduleConfig {
    lists = List.copyOf(lists);
  }

  public static ScheduleConfig from(Settings s) {
    Map<String, String> g = s.group("schedule.");
    ZoneId zone = zone(g.get("schedule.zone"));
    Map<String, Path> files = seedFiles(s.seeds());
    Timing fallback = timing("default", g, zone);
    if (fallback == null) {
      fallback = Timing.every("schedule.default.every", "1h");
    }
    for (String k : g.keySet()) {
      if (k.equals("schedule.zone") || REVISIT_KEYS.contains(k)) {
        continue;
      }
      String rest = k.substring("schedule.".length());
      int dot = rest.lastIndexOf('.');
      String list = dot < 0 ? rest : rest.substring(0, dot);
      String field = dot < 0 ? "" : rest.substring(dot + 1);
      if (list.equals("revisit")) {
        throw new ConfigException("unknown config key '" + k + "'; the revisit keys are "
            + String.join(", ", new java.util.TreeSet<>(REVISIT_KEYS)));
      }
      if (!field.equals("every") && !field.equals("cron")) {
        throw new ConfigException("unknown config key '" + k + "'; a seed list's schedule is set with"
            + " schedule.<list>.every=30m or schedule.<list>.cron=0 */2 * * *");
      }
      if (!list.equals("default") && !files.containsKey(list)) {
        throw new ConfigException("config key '" + k + "' names seed list '" + list + "', but " + s.seeds()
            + " has no " + list + ".txt (seed lists: " + String.join(", ", files.keySet()) + ")");
      }
    }
    List<ScheduledList> lists = new ArrayList<>();
    for (var e : files.entrySet()) {
      if (e.getKey().equals(REVISITS) || e.getKey().equals("default") || e.getKey().equals("revisit")) {
        throw new ConfigException("seed list " + e.getValue() + " has a name the schedule keys reserve; rename"
            + " the file (e.g. " + e.getKey() + "-sites.txt)");
      }
      Timing own = timing(e.getKey(), g, zone);
      lists.add(new ScheduledList(e.getKey(), e.getValue(), own != null ? own : fallback));
    }
    return new ScheduleConfig(lists, RevisitSettings.from(g), zone);
  }

  private static Timing timing(String list, Map<String, String> g, ZoneId zone) {
    String everyKey = "schedule." + list + ".every";
    String cronKey = "schedule." + list + ".cron";
    String every = g.get(everyKey);
    String cron = g.get(cronKey);
    if (every != null && cron != null) {
      throw new ConfigException("seed list '" + list + "' has both " + everyKey + " and " + cronKey
          + "; keep one of them");
    }
    if (every != null) {
      return Timing.every(everyKey, every);
    }
    return cron == null ? null : Timing.cron(cronKey, cron, zone);
  }

  private static ZoneId zone(String z) {
    if (z == null || z.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(z.strip());
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("config key 'schedule.zone' has value '" + z + "'; it accepts a time zone such as"
          + " UTC or Europe/Berlin (default: the machine's zone)");
    }
  }

  /** Seed lists by name: the {@code *.txt} files of the seeds folder, or the one seeds file. */
  static Map<String, Path> seedFiles(Path seeds) {
    Map<String, Path> out = new TreeMap<>();
    if (Files.isRegularFile(seeds)) {
      out.put(name(seeds), seeds);
      return out;
    }
    if (!Files.isDirectory(seeds)) {
      throw new ConfigException("config key 'seeds' names " + seeds + ", which does not exist; point it at a seed"
          + " file or a folder of *.txt seed lists");
    }
    try (Stream<Path> files = Files.list(seeds)) {
      files.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
          .forEach(p -> out.put(name(p), p));
    } catch (IOException e) {
      throw new ConfigException("cannot list seed folder " + seeds + ": " + e.getMessage());
    }
    return out;
  }

  private static String name(Path p) {
    String f = p.getFileName().toString();
    return f.endsWith(".txt") ? f.substring(0, f.length() - 4) : f;
  }
}
