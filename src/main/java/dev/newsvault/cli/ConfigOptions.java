package dev.newsvault.cli;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.seed.ExpansionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every archive command shares: which config file, key overrides, and which archive. */
public final class ConfigOptions {

  static final Path DEFAULT_CONFIG = Path.of("crawl-config.properties");

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: ${DEFAULT-VALUE} when present, else built-in defaults).",
      defaultValue = "crawl-config.properties")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one config key for this run; repeatable, e.g. --set max.depth=1.")
  List<String> sets = new ArrayList<>();

  @Option(names = {"--db", "--archive"}, paramLabel = "FILE",
      description = "The SQLite archive (same as --set database=FILE).")
  Path db;

  /** The seed file or folder a command was given ({@code --seeds}, or a crawl's positional seed file). */
  private Path seeds;

  /** Sets the seeds of this run; it wins over --set seeds= and the config file. */
  void seeds(Path seeds) {
    this.seeds = seeds;
  }

  /** The validated settings: file, then --set, then --seeds, then --db. */
  public Settings settings() {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String s : sets) {
      var e = ConfigLoader.parseOverride(s);
      overrides.put(e.getKey(), e.getValue());
    }
    if (seeds != null) {
      overrides.put("seeds", seeds.toString());
    }
    if (db != null) {
      overrides.put("database", db.toString());
    }
    boolean explicit = !DEFAULT_CONFIG.equals(config);
    Settings s = ConfigLoader.load(config, explicit, overrides);
    // The extract.* and discovery.* groups are read later, by the code that uses them; check them now so a
    // misspelt key fails every command at once instead of a crawl half-way.
    ExtractionRules.fromProperties(s.group("extract."));
    ExpansionLimits.from(s);
    return s;
  }

  /**
   * The settings of a command that reads the seeds: as {@link #settings()}, and the {@code seeds} file or
   * folder must exist. A missing one is a configuration error (exit 2) found before the archive is opened, so
   * no run is recorded for it.
   */
  public Settings settingsWithSeeds() {
    Settings s = settings();
    if (!Files.exists(s.seeds())) {
      throw new ConfigException("seeds: " + s.seeds().toAbsolutePath() + " does not exist; name a seed file or"
          + " a folder of *.txt seed files (--seeds PATH, or 'seeds' in " + config + ")");
    }
    return s;
  }
}
