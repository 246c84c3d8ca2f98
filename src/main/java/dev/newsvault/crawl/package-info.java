/**
 * The link-following crawl. {@link dev.newsvault.crawl.Crawler} drives crawler4j as the engine (threads,
 * frontier, link scheduling) and replaces the parts of it that newsvault must not inherit: fetching goes
 * through newsvault's OkHttp {@link dev.newsvault.fetch.PageFetcher} (per-host politeness, robots.txt per
 * RFC 9309 with Crawl-delay, verified TLS, recorded redirects, bodies never truncated), parsing through jsoup
 * once per page (no Tika), and resuming through the archive's own frontier table (crawler4j's resumable mode
 * loses URLs). Start URLs come from seed files or from feed and sitemap discovery as
 * {@link dev.newsvault.crawl.StartUrl}s.
 */
package dev.newsvault.crawl;
