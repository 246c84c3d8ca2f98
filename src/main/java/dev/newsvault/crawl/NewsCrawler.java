package dev.newsvault.crawl;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.fetch.RobotsPolicy;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawler4j worker thread. {@link #shouldVisit} decides which links are followed (scope, depth, patterns,
 * likely-HTML, robots.txt, page limit) and notes each accepted link in the archive's frontier;
 * {@link #visit} archives the page. Every per-page step catches everything: crawler4j lets an
 * {@link Error} kill the thread and silently drop the rest of its batch.
 */
final class NewsCrawler extends WebCrawler {

  private static final Logger LOG = LoggerFactory.getLogger(NewsCrawler.class);

  private final CrawlContext ctx;

  NewsCrawler(CrawlContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public boolean shouldVisit(Page referringPage, WebURL webUrl) {
    String url = webUrl.getURL();
    try {
      CrawlFrontier.Origin from = ctx.frontier.origin(referringPage.getWebURL().getURL());
      if (from == null || !ctx.links.accepts(url)) {
        return false;
      }
      CrawlStart start = from.start();
      int depth = from.depth() + 1;
      if (depth > start.start.maxDepth() || !UrlScope.inScope(start.start.scope(), start.hosts, url)) {
        return false;
      }
      if (!ctx.robots.allowed(url)) {
        refusedByRobots(url, start, depth);
        return false;
      }
      if (!ctx.frontier.accept(url, new CrawlFrontier.Origin(start, depth))) {
        return false;
      }
      ctx.archive.discovered(url, depth, start.start.url(), ctx.runId);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ArchiveException e) {
      ctx.archiveFailed(e);
      return false;
    } catch (RuntimeException | Error e) {
      LOG.warn("cannot judge link {} from {}: {}", url, referringPage.getWebURL().getURL(), e.toString());
      return false;
    }
  }

  /**
   * A link robots.txt refuses is recorded once, as a skipped fetch with its reason, never fetched: so
   * {@code stats}, {@code status} and serve show that robots.txt was obeyed, and which link it kept out.
   */
  private void refusedByRobots(String url, CrawlStart start, int depth) throws InterruptedException,
      ArchiveException {
    if (!ctx.frontier.accept(url, new CrawlFrontier.Origin(start, depth))) {
      return; // met before in this crawl, or over max.pages
    }
    ctx.archive.discovered(url, depth, start.start.url(), ctx.runId);
    String why = ctx.robots.refusal(url);
    ctx.recorder.record(Capture.failed(url, Instant.now(), FetchFailure.of(ctx.robots.refusalKind(url),
        why == null ? "robots.txt does not allow " + url : why)), null);
  }

  @Override
  public void visit(Page page) {
    String url = page.getWebURL().getURL();
    ParsedPage p = null;
    try {
      p = (ParsedPage) page.getParseData();
      ctx.recorder.page(p);
    } catch (ArchiveException e) {
      ctx.archiveFailed(e);
    } catch (RuntimeException | Error e) {
      fail(url, "archiving " + url + " failed: " + e);
    } finally {
      if (p != null) {
        p.release();
      }
    }
  }

  @Override
  protected void onUnhandledException(WebURL webUrl, Throwable e) {
    String url = webUrl == null ? "?" : webUrl.getURL();
    if (e instanceof CrawlStoppedException) {
      return;
    }
    if (e instanceof DeferredException && webUrl != null) {
      // Priority sorts first in crawler4j's queue key: 1 puts the URL after everything queued normally.
      webUrl.setPriority((byte) 1);
      getMyController().getFrontier().schedule(webUrl);
      return;
    }
    if (e instanceof AlreadyFetchedException) {
      try {
        ctx.recorder.skip(url);
      } catch (ArchiveException ex) {
        ctx.archiveFailed(ex);
      }
      return;
    }
    if (e instanceof FetchFailedException f) {
      try {
        ctx.recorder.record(f.capture(), null);
      } catch (ArchiveException ex) {
        ctx.archiveFailed(ex);
      } catch (RuntimeException | Error ex) {
        LOG.error("cannot record the failure of {} ({}): {}", url, f.getMessage(), ex.toString());
      }
      return;
    }
    fail(url, "crawling " + url + " failed unexpectedly: " + e);
  }

  @Override
  protected void onContentFetchError(WebURL webUrl) {
    fail(webUrl.getURL(), "cannot read the body of " + webUrl.getURL());
  }

  @Override
  protected void onParseError(WebURL webUrl) {
    fail(webUrl.getURL(), "cannot parse " + webUrl.getURL());
  }

  @Override
  protected void onPageBiggerThanMaxSize(String url, long pageSize) {
    record(url, FetchFailure.of(FetchFailure.Kind.TOO_LARGE, url + " is " + pageSize + " bytes, over max.page.bytes"));
  }

  @Override
  protected void onUnexpectedStatusCode(String url, int status, String contentType, String description) {
    record(url, FetchFailure.forStatus(status, url));
  }

  private void fail(String url, String detail) {
    if (ctx.stopping()) {
      return;
    }
    record(url, FetchFailure.of(FetchFailure.Kind.IO, detail));
  }

  private void record(String url, FetchFailure f) {
    try {
      ctx.recorder.record(Capture.failed(url, Instant.now(), f), null);
    } catch (ArchiveException ex) {
      ctx.archiveFailed(ex);
    } catch (RuntimeException | Error ex) {
      LOG.error("cannot record the failure of {} ({}): {}", url, f.detail(), ex.toString());
    }
  }

  /** What all crawler threads of one crawl share. */
  record CrawlContext(Archive archive, long runId, CrawlFrontier frontier, LinkFilter links, RobotsPolicy robots,
      PageRecorder recorder, BooleanSupplier stopFlag, Consumer<ArchiveException> onArchiveFailure) {

    boolean stopping() {
      return stopFlag.getAsBoolean();
    }

    /** The archive cannot be written: fetching on would lose every page, so the crawl stops. */
    void archiveFailed(ArchiveException e) {
      onArchiveFailure.accept(e);
    }
  }
}
