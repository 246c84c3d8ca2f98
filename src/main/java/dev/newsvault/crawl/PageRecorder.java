package dev.newsvault.crawl;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.archive.Words;
import dev.newsvault.check.VersionLabels;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.render.Rendering;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each fetched page into the archive: the capture always, the article only when its text has at least
 * {@code article.min.words} words (section and index pages are archived as pages, not articles), then marks
 * the URL done in the frontier whatever the outcome, so a resumed crawl does not fetch it again.
 */
final class PageRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(PageRecorder.class);

  private final Archive archive;
  private final VersionLabels labels;
  private final long runId;
  private final ExtractionWatchdog extractor;
  private final int minWords;
  private final CrawlCounters counters;
  private final CrawlListener listener;
  private final CrawlFrontier frontier;

  PageRecorder(Archive archive, long runId, ExtractionWatchdog extractor, int minWords, CrawlCounters counters,
      CrawlListener listener, CrawlFrontier frontier) {
    this.frontier = frontier;
    this.archive = archive;
    this.labels = new VersionLabels(archive);
    this.runId = runId;
    this.extractor = extractor;
    this.minWords = minWords;
    this.counters = counters;
    this.listener = listener;
  }

  /** Records a fetched page; its links have been taken already, so extraction may change the document. */
  void page(ParsedPage p) throws ArchiveException {
    Capture c = p.capture();
    Rendering shown = p.rendering();
    if (p.failure() != null) {
      record(c.withFailure(p.failure()), null, shown, p.renderedText());
      return;
    }
    // a site's about/contact/privacy page is a page, not a story (decided before extraction changes the document)
    if (SitePages.isSitePage(p.document(), c.finalUrl())) {
      record(c, null, shown, p.renderedText());
      return;
    }
    int scripts = p.renderedText() ? 0 : p.scan().scripts();
    // judged before extraction changes the document; only pages left without an article can be walls
    String wall = ConsentWalls.dialog(p.document(), p.scan().consentManager());
    Article a;
    try {
      a = extractor.extract(p.document(), c.finalUrl());
    } catch (TimeoutException e) {
      LOG.warn("extracting {} took over {} ms; archived raw, text not extracted", c.finalUrl(), extractor.budgetMs());
      record(c.withFailure(FetchFailure.of(FetchFailure.Kind.EXTRACT_TIMEOUT, "extracting the article of "
          + c.finalUrl() + " took over " + extractor.budgetMs() + " ms; raw bytes kept, text not archived")), null);
      return;
    }
    Article kept = a != null && Words.atLeast(a.text(), minWords) ? a : null;
    if (kept == null && wall == null) {
      wall = ConsentWalls.wording(p.document());
    }
    if (kept == null && wall != null) {
      record(c.withFailure(FetchFailure.of(FetchFailure.Kind.CONSENT_WALL, c.finalUrl() + " is a consent or login"
          + " wall, not the article: " + wall + "; not archived as the article. Give the site's consent or login"
          + " cookie with site." + UrlScope.host(c.finalUrl()) + ".cookie=NAME=VALUE (see docs/rendering.md)")),
          null, shown, p.renderedText());
      return;
    }
    // a script-built shell: scripts and next to no text of its own (read after extraction, only on this path)
    if (kept == null && scripts > 0 && Words.count(p.document().body().text()) < Math.max(minWords, 20)) {
      LOG.info("{}: no article text without running its {} script(s); if a script builds the article, add"
          + " render=browser to its seed line or its host to render.hosts", c.finalUrl(), scripts);
    }
    record(c, kept, shown, p.renderedText());
  }

  /** Marks a URL done without a fetch row: it was fetched already under another address. */
  void skip(String url) throws ArchiveException {
    archive.markDone(url);
    frontier.finished(url);
  }

  /** Records one capture (fetched, failed or skipped) and marks its URL, and its final URL, done. */
  void record(Capture c, Article article) throws ArchiveException {
    record(c, article, null, false);
  }

  /** As {@link #record(Capture, Article)}, keeping the page's rendering (DOM, screenshot) when it has one. */
  void record(Capture c, Article article, Rendering shown, boolean renderedText) throws ArchiveException {
    StoreResult r = shown == null ? archive.storeDone(runId, c, article)
        : archive.storeDone(runId, c, article, shown, renderedText);
    if (shown != null && !shown.refused().isEmpty()) {
      LOG.warn("{}: the address guard refused {} request(s) of the page: {}", c.finalUrl(), shown.refused().size(),
          String.join("; ", shown.refused()));
    }
    if (r.change() == StoreResult.Change.CHANGED) {
      labels.labelFrom(r.articleId(), r.version());
    }
    counters.count(c, r);
    frontier.finished(c.url());
    if (!c.ok()) {
      LOG.debug("{}: {}", c.failure().kind().code(), c.failure().detail());
    }
    try {
      listener.onPage(c, r);
    } catch (RuntimeException | Error e) {
      LOG.warn("crawl listener failed on {}: {}", c.url(), e.toString());
    }
  }
}
