package dev.newsvault.schedule;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import dev.newsvault.crawl.CrawlResult;
import dev.newsvault.crawl.Crawler;
import dev.newsvault.crawl.StartUrl;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.seed.SeedList;
import dev.newsvault.seed.SeedProblem;
import dev.newsvault.seed.SeedReader;
import dev.newsvault.config.Plural;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link CrawlJob}: reads one seed file, expands its feeds and sitemaps, and crawls with the
 * crawl package's {@link Crawler} into the shared archive (run kind {@code schedule}). {@link #stopAll()}
 * stops running crawls so they mark their runs interrupted and keep their frontier for the next run.
 */
public final class ListCrawl implements CrawlJob {

  private static final Logger LOG = LoggerFactory.getLogger(ListCrawl.class);

  private final Settings settings;
  private final Archive archive;
  private final OkHttpClient client;
  private final ArticleExtractor extractor;
  private final Clock clock;
  private final Set<Crawler> active = ConcurrentHashMap.newKeySet();

  public ListCrawl(Settings settings, Archive archive, OkHttpClient client, Clock clock) {
    this.settings = settings;
    this.archive = archive;
    this.client = client;
    this.extractor = new ArticleExtractor(ExtractionRules.fromProperties(settings.group("extract.")));
    this.clock = clock;
  }

  @Override
  public JobResult crawl(ScheduledList list) throws Exception {
    SeedList seeds = SeedReader.read(list.file());
    for (SeedProblem p : seeds.problems()) {
      LOG.warn("{}: {}", list.name(), p);
    }
    if (seeds.seeds().isEmpty()) {
      return new JobResult("failed", list.file() + " has no usable seed lines", null);
    }
    HostGate gate = new HostGate(settings.politenessDelayMs());
    RobotsPolicy robots = new RobotsPolicy(client, settings, gate);
    SeedStarts starts = new SeedStarts(settings, archive, new PageFetcher(client, settings, gate, robots), robots,
        clock);
    List<StartUrl> urls = starts.startUrls(seeds.seeds());
    starts.warnings().forEach(w -> LOG.warn("{}: {}", list.name(), w)); // expansion reports; it does not log
    Crawler crawler = new Crawler(settings, archive, extractor, null, client).kind("schedule");
    active.add(crawler);
    CrawlResult r;
    try {
      r = crawler.run(urls);
    } finally {
      active.remove(crawler);
    }
    var p = r.progress();
    String summary = String.format("%s; tried %d, archived %d (%d new, %d changed), skipped %d,"
        + " failed %d%s", Plural.of(urls.size(), "start URL"), p.fetched(), p.archived(), p.newArticles(), p.changedArticles(), p.skipped(),
        p.failed(), starts.warnings().isEmpty() ? "" : "; " + starts.warnings().size() + " discovery warnings");
    if (r.allFailed() != null) {
      summary += "; nothing archived: " + r.allFailed();
    }
    // A round that archived nothing because every URL failed is a failed round, not a finished one.
    String outcome = r.interrupted() ? "interrupted" : r.allFailed() != null ? "failed"
        : p.failed() > 0 || !starts.warnings().isEmpty() ? "partial" : "finished";
    return new JobResult(outcome, summary, r.runId());
  }

  /** Stops every crawl this job is running. */
  public void stopAll() {
    active.forEach(Crawler::stop);
  }
}
