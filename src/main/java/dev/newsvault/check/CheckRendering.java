package dev.newsvault.check;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.RenderQueries;
import dev.newsvault.fetch.SiteRequests;
import dev.newsvault.render.BrowserPool;
import dev.newsvault.render.RenderException;
import dev.newsvault.render.Rendering;

/**
 * Which articles a check re-renders, and rendering them: those whose current version came from a page rendered
 * in the browser, and every article of a host in {@code render.hosts}. Such pages are fetched without
 * validators: a script-built page's HTML shell stays the same (a 304) while the article its script loads
 * changes.
 */
final class CheckRendering {

  private final BrowserPool pool;
  private final RenderQueries renders;
  private final SiteRequests sites;

  CheckRendering(BrowserPool pool, Archive archive, SiteRequests sites) {
    this.pool = pool;
    this.renders = new RenderQueries(archive);
    this.sites = sites;
  }

  boolean wants(CheckTarget t) throws ArchiveException {
    return pool.renderSettings().rendersHost(SiteRequests.host(t.url())) || renders.renderedForText(t.articleId(),
        t.currentVersion());
  }

  Rendering render(String url) throws RenderException, InterruptedException {
    return pool.render(url, sites.forUrl(url), true);
  }
}
