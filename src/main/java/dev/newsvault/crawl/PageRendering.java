package dev.newsvault.crawl;

import dev.newsvault.config.Settings;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.SiteRequests;
import dev.newsvault.render.BrowserPool;
import dev.newsvault.render.RenderException;
import dev.newsvault.render.RenderSettings;
import dev.newsvault.render.Rendering;

/**
 * Which crawled pages are loaded in the browser, and loading them: pages of a seed with {@code render=browser}
 * or of a host in {@code render.hosts} are rendered for their text (and a screenshot); with
 * {@code screenshots=true} every other HTML page is rendered for the screenshot only, its text still coming
 * from the raw response. The browsers start with the first page that needs one, and the page waits for its
 * host's politeness slot like any other request.
 */
final class PageRendering implements AutoCloseable {

  /** Why a page is rendered. */
  enum Purpose {
    NONE,
    /** The article is extracted from the rendered DOM. */
    TEXT,
    /** Only the screenshot is wanted. */
    PICTURE
  }

  private final Settings settings;
  private final RenderSettings render;
  private final HostGate gate;
  private final SiteRequests sites;
  private BrowserPool pool;
  private boolean closed;

  PageRendering(Settings settings, HostGate gate, SiteRequests sites) {
    this.sites = sites;
    this.settings = settings;
    this.render = RenderSettings.of(settings);
    this.gate = gate;
  }

  Purpose purpose(String url, CrawlStart start) {
    if ((start != null && start.start.render()) || render.rendersHost(UrlScope.host(url))) {
      return Purpose.TEXT;
    }
    return settings.screenshots() ? Purpose.PICTURE : Purpose.NONE;
  }

  /** Loads {@code url} in the next free browser, with a screenshot. */
  Rendering render(String url) throws RenderException, InterruptedException {
    BrowserPool p = pool();
    gate.await(UrlScope.host(url));
    return p.render(url, sites.forHost(UrlScope.host(url)), true);
  }

  private synchronized BrowserPool pool() throws RenderException {
    if (closed) {
      throw new RenderException("the crawl is ending; no page is rendered any more", false);
    }
    if (pool == null) {
      pool = BrowserPool.open(settings);
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      pool.close();
    }
  }
}
