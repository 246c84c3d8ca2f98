/**
 * Loading pages in headless Chromium, for pages whose article a script builds and for screenshots: a pool of
 * {@code render.concurrency} browsers ({@link dev.newsvault.render.BrowserPool}), each with a fresh temporary
 * profile, driven over the DevTools protocol on a pipe; every request a page makes goes through a
 * {@link dev.newsvault.render.GuardedProxy} that connects with the fetch package's address guard. Browsers run
 * in their own process group under a keeper that kills the group when newsvault ends, and are written to PID
 * files so a start after a kill -9 cleans up. The crawl decides which pages to render; the archive keeps the
 * rendered DOM and screenshots.
 */
package dev.newsvault.render;
