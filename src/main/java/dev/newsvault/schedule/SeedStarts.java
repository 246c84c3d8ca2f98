package dev.newsvault.schedule;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.config.Settings;
import dev.newsvault.crawl.StartUrl;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.seed.DiscoveredUrl;
import dev.newsvault.seed.DiscoveryArchive;
import dev.newsvault.seed.Expansion;
import dev.newsvault.seed.ExpansionLimits;
import dev.newsvault.seed.Seed;
import dev.newsvault.seed.SeedExpander;
import dev.newsvault.seed.SeedType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns seeds into crawl start URLs: page seeds as they are, feed and sitemap seeds (declared, or with a
 * feed- or sitemap-like URL) expanded into the articles they list, which start at depth 0 unless the seed
 * line gives a depth. What feeds say about their entries, and their validators, go into the archive.
 */
public final class SeedStarts {

  private final Settings settings;
  private final SeedExpander expander;
  private final DiscoveryArchive discovery;
  private final Clock clock;
  private final List<String> warnings = new ArrayList<>();

  public SeedStarts(Settings settings, Archive archive, PageFetcher fetcher, RobotsPolicy robots, Clock clock) {
    this.settings = settings;
    this.discovery = new DiscoveryArchive(archive);
    this.expander = new SeedExpander((u, v) -> fetcher.fetch(u, v, false), robots::sitemaps,
        discovery::validators, ExpansionLimits.from(settings));
    this.clock = clock;
  }

  /** The start URLs for {@code seeds}, in seed order. */
  public List<StartUrl> startUrls(List<Seed> seeds) throws InterruptedException, ArchiveException {
    List<StartUrl> out = new ArrayList<>();
    for (Seed s : seeds) {
      SeedType declared = s.type() == SeedType.PAGE ? null : s.type();
      if (!SeedExpander.isExpandable(s.url(), declared)) {
        out.add(StartUrl.of(s, settings));
        continue;
      }
      Expansion e = expander.expand(s.url(), declared, s.origin());
      discovery.record(e, clock.instant());
      warnings.addAll(e.warnings());
      for (DiscoveredUrl d : e.urls()) {
        if (d.sourceKind() == SeedType.PAGE) {
          out.add(StartUrl.of(s, settings));
        } else {
          out.add(new StartUrl(d.url(), s.depth() != null ? s.depth() : 0,
              s.scope() != null ? s.scope() : settings.scope(), s.origin() + " via " + d.source(), s.render(),
              s.requests()));
        }
      }
    }
    return out;
  }

  /** Every problem expansion reported, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
