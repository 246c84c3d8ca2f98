package dev.newsvault.render;

import dev.newsvault.fetch.HostRequests;

/** Applies one host's headers and cookies to a page about to be loaded. */
final class SiteRequests {

  private SiteRequests() {}

  static void apply(DevTools dt, String session, HostRequests site) throws RenderException {
    if (site == null || site.isEmpty()) {
      return;
    }
    throw new RenderException("per-site headers and cookies are not applied in the browser yet", false);
  }
}
