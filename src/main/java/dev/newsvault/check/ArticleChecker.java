package dev.newsvault.check;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ArchivedExtraction;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.CheckRecord;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.archive.VersionChange;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.Words;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.render.BrowserPool;
import dev.newsvault.render.RenderException;
import dev.newsvault.render.Rendering;
import java.nio.charset.StandardCharsets;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.Validators;
import java.util.Optional;

/**
 * Re-checks one archived article: a conditional GET with the validators of the last response that held
 * the current version, then re-extraction and comparison of the normalized text hash (and title/byline
 * hash), so changes in page furniture never count. Every check is recorded: the fetch row via
 * {@link Archive#store}, a row in {@code article_check}, and the article's {@code last_checked} and state.
 *
 * <p>A page whose text collapses to under {@value #COLLAPSE_PERCENT}% of the archived words (a login wall,
 * an error page served as 200, a cookie-consent interstitial) is reported as an error and not stored as a
 * version: a later check of the real article must compare against the real text. Thread-safe.
 */
public final class ArticleChecker {

  static final int COLLAPSE_PERCENT = 20;

  private final Settings settings;
  private final Archive archive;
  private final CheckQueries queries;
  private final PageFetcher fetcher;
  private final ArticleExtractor extractor;
  private final ExtractorUpgrade upgrade;
  private CheckRendering rendering;

  public ArticleChecker(Settings settings, Archive archive, PageFetcher fetcher, ArticleExtractor extractor) {
    this.settings = settings;
    this.archive = archive;
    this.queries = new CheckQueries(archive);
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.upgrade = new ExtractorUpgrade(new ArchivedExtraction(archive, extractor));
  }

  /**
   * Re-renders in {@code pool} the articles whose current version came from a rendered page, and those of
   * {@code render.hosts}; without it every check is a plain fetch.
   */
  public ArticleChecker rendering(BrowserPool pool) {
    this.rendering = new CheckRendering(pool, archive, fetcher.sites());
    return this;
  }

  /** A batch runner over this checker with {@code check.concurrency} threads. */
  public CheckBatch batch() {
    return new CheckBatch(this, settings.checkConcurrency());
  }

  /** A batch runner over this checker with {@code concurrency} threads. */
  public CheckBatch batch(int concurrency) {
    return new CheckBatch(this, concurrency);
  }

  /** The live archived articles, optionally of one host and first archived since an ISO date or instant. */
  public java.util.List<CheckTarget> liveTargets(String host, String since) throws ArchiveException {
    return queries.liveTargets(host, since);
  }

  /** The archived article for {@code url} (its archived or canonical URL), if any. */
  public Optional<CheckTarget> find(String url) throws ArchiveException {
    return queries.target(url);
  }

  /** Checks the article archived under {@code url}; a URL not in the archive is an error, not fetched. */
  public CheckResult check(long runId, String url) throws InterruptedException {
    Optional<CheckTarget> t;
    try {
      t = queries.target(url);
    } catch (ArchiveException e) {
      return CheckResult.error(url, 0, e.getMessage());
    }
    return t.isPresent() ? check(runId, t.get()) : notArchived(url);
  }

  /** The result for a URL the archive does not hold. */
  public static CheckResult notArchived(String url) {
    return CheckResult.error(url, 0, "not in the archive; ./newsvault stats lists sites");
  }

  /** Checks one archived article. Never throws for what the web or one article does. */
  public CheckResult check(long runId, CheckTarget t) throws InterruptedException {
    try {
      return checkOrThrow(runId, t);
    } catch (ArchiveException e) {
      return CheckResult.error(t.url(), t.currentVersion(), e.getMessage());
    } catch (RuntimeException e) {
      return CheckResult.error(t.url(), t.currentVersion(), "unexpected failure checking " + t.url() + ": " + e);
    }
  }

  private CheckResult checkOrThrow(long runId, CheckTarget t) throws InterruptedException, ArchiveException {
    boolean render = rendering != null && rendering.wants(t);
    Capture c = fetcher.fetch(t.url(), render ? Validators.NONE : new Validators(t.etag(), t.lastModified()));
    String redirect = c.finalUrl().equals(t.url()) ? null : c.finalUrl();
    if (!c.ok()) {
      long fetchId = archive.store(runId, c, null).fetchId();
      if (c.status() == 404 || c.status() == 410 || c.status() == 451) {
        return finish(runId, t, fetchId, CheckOutcome.GONE, t.currentVersion(), 0, redirect,
            c.failure().detail(), "gone");
      }
      return finish(runId, t, fetchId, CheckOutcome.ERROR, t.currentVersion(), 0, redirect,
          c.failure().kind().code() + ": " + c.failure().detail(), t.state());
    }
    if (redirect != null && !UrlIdentity.same(redirect, t.url()) && !UrlIdentity.same(redirect, t.canonicalUrl())) {
      long fetchId = archive.store(runId, c, null).fetchId();
      if (UrlIdentity.isHomePage(redirect)) {
        return finish(runId, t, fetchId, CheckOutcome.GONE, t.currentVersion(), 0, redirect,
            "redirected to the home page " + redirect, "gone");
      }
      return finish(runId, t, fetchId, CheckOutcome.MOVED, t.currentVersion(), 0, redirect,
          "redirected to " + redirect, "moved");
    }
    // A trivial redirect (https, www, slash) still serves this article: store it under the archived URL.
    Capture asArchived = redirect == null ? c : new Capture(c.url(), t.url(), c.status(), c.fetchedAt(),
        c.durationMs(), c.contentType(), c.etag(), c.lastModified(), c.headers(), c.body(), null);
    if (c.status() == 304) {
      long fetchId = archive.store(runId, asArchived, null).fetchId();
      queries.amendFetch(fetchId, "unchanged", null, null, redirect);
      boolean fresh = c.etag() != null || c.lastModified() != null;
      queries.record(record(runId, t, fetchId, CheckOutcome.UNCHANGED, t.currentVersion(), null, redirect, null),
          "live", fresh, c.etag() != null ? c.etag() : t.etag(),
          c.lastModified() != null ? c.lastModified() : t.lastModified());
      return result(t, CheckOutcome.UNCHANGED, t.currentVersion(), t.wordCount(), null, redirect, null);
    }
    Rendering shown = null;
    if (render) {
      try {
        shown = rendering.render(c.finalUrl());
      } catch (RenderException e) {
        String why = "rendering " + c.finalUrl() + " in the browser failed: " + e.getMessage();
        long fetchId = archive.store(runId, c.withFailure(FetchFailure.of(FetchFailure.Kind.RENDER_FAILED, why)),
            null).fetchId();
        return finish(runId, t, fetchId, CheckOutcome.ERROR, t.currentVersion(), 0, redirect,
            "render_failed: " + why, t.state());
      }
    }
    Article a = shown == null ? extractor.extract(c.body(), c.contentType(), c.finalUrl())
        : extractor.extract(shown.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", c.finalUrl());
    int words = Words.count(a.text());
    if (words == 0 || words * 100L < (long) t.wordCount() * COLLAPSE_PERCENT) {
      String why = "page no longer holds the article (text fell from " + t.wordCount() + " to " + words
          + " words); not stored as a version";
      long fetchId = archive.store(runId, c, null).fetchId();
      queries.amendFetch(fetchId, "failed", "parse", why, null);
      return finish(runId, t, fetchId, CheckOutcome.ERROR, t.currentVersion(), words, redirect, why,
          t.state());
    }
    ContentHash textHash = ContentHash.ofText(a.text());
    if (!textHash.equals(t.textHash()) && sameAsArchived(t, a, textHash)) {
      // hashed before counters were left out of the hash: the same article, re-hashed the current way
      queries.rehash(t.articleId(), t.currentVersion(), textHash);
      return unchangedPage(runId, t, asArchived, redirect, words, null);
    }
    if (ExtractorUpgrade.differs(t, a, textHash) && upgrade.explains(t, a, textHash)) {
      return unchangedPage(runId, t, asArchived, redirect, words, ExtractorUpgrade.DETAIL);
    }
    StoreResult s = shown == null ? archive.store(runId, asArchived, a)
        : archive.store(runId, asArchived, a, shown, true);
    if (s.change() == StoreResult.Change.UNCHANGED) {
      queries.amendFetch(s.fetchId(), "unchanged", null, null, redirect);
      queries.record(record(runId, t, s.fetchId(), CheckOutcome.UNCHANGED, s.version(), null, redirect, null),
          "live", true, c.etag(), c.lastModified());
      return result(t, CheckOutcome.UNCHANGED, s.version(), words, null, redirect, null);
    }
    if (s.change() != StoreResult.Change.CHANGED && s.change() != StoreResult.Change.NEW) {
      return finish(runId, t, s.fetchId(), CheckOutcome.ERROR, t.currentVersion(), words, redirect,
          "the archive did not store the page as an article (" + s.change() + ")", t.state());
    }
    queries.amendFetch(s.fetchId(), null, null, null, redirect);
    ChangeLabel label = ChangeClassifier.classify(ChangeClassifier.Revision.of(current(t)),
        new ChangeClassifier.Revision(a.title(), a.authors(), a.text()));
    queries.label(t.articleId(), new VersionChange(s.version(), label.kind().code(), label.wordsAdded(),
        label.wordsRemoved()));
    String detail = textHash.equals(t.textHash()) ? "title or byline changed" : null;
    queries.record(record(runId, t, s.fetchId(), CheckOutcome.CHANGED, s.version(), label, redirect, detail), "live",
        true, c.etag(), c.lastModified());
    return result(t, CheckOutcome.CHANGED, s.version(), words, label, redirect, detail);
  }

  /**
   * Records a page that holds the current version although its hashes differ from the archived ones: the fetch
   * (outcome {@code unchanged}), the check and the fresh validators; no version, the archived one kept as it is.
   */
  private CheckResult unchangedPage(long runId, CheckTarget t, Capture asArchived, String redirect, int words,
      String detail) throws ArchiveException {
    long fetchId = archive.store(runId, asArchived, null).fetchId();
    queries.amendFetch(fetchId, "unchanged", null, null, redirect);
    queries.record(record(runId, t, fetchId, CheckOutcome.UNCHANGED, t.currentVersion(), null, redirect, detail),
        "live", true, asArchived.etag(), asArchived.lastModified());
    return result(t, CheckOutcome.UNCHANGED, t.currentVersion(), words, null, redirect, detail);
  }

  /** The archived current version (its text, title and byline). */
  private VersionRecord current(CheckTarget t) throws ArchiveException {
    return queries.version(t.articleId(), t.currentVersion()).orElseThrow(() -> new ArchiveException(
        "archive: version " + t.currentVersion() + " of " + t.url() + " is missing"));
  }

  /** Whether the page holds the archived text, title and byline, counters aside. */
  private boolean sameAsArchived(CheckTarget t, Article a, ContentHash textHash) throws ArchiveException {
    VersionRecord v = current(t);
    return ContentHash.ofText(v.text()).equals(textHash)
        && ContentHash.normalize(v.title()).equals(ContentHash.normalize(a.title()))
        && v.authors().stream().map(ContentHash::normalize).toList()
            .equals(a.authors().stream().map(ContentHash::normalize).toList());
  }

  private CheckResult finish(long runId, CheckTarget t, long fetchId, CheckOutcome o, int version, int words,
      String finalUrl, String detail, String state) throws ArchiveException {
    queries.record(record(runId, t, fetchId, o, version, null, finalUrl, detail), state, false, null, null);
    return result(t, o, version, words, null, finalUrl, detail);
  }

  private static CheckRecord record(long runId, CheckTarget t, long fetchId, CheckOutcome o, int version,
      ChangeLabel label, String finalUrl, String detail) {
    return new CheckRecord(runId, t.articleId(), fetchId, java.time.Instant.now().toString(), o.code(), version,
        label == null ? 0 : label.wordsAdded(), label == null ? 0 : label.wordsRemoved(), finalUrl, detail,
        label == null ? null : label.kind().code());
  }

  private static CheckResult result(CheckTarget t, CheckOutcome o, int version, int words, ChangeLabel label,
      String finalUrl, String detail) {
    return new CheckResult(t.url(), o, t.currentVersion(), version, words, label == null ? 0 : label.wordsAdded(),
        label == null ? 0 : label.wordsRemoved(), finalUrl, detail, label);
  }
}
