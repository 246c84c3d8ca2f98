package dev.newsvault.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsvault.fetch.HostRequests;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * One headless Chromium and its {@link GuardedProxy}: renders one page at a time, each in a fresh browser
 * context (no cookies, storage or cache carried from one page to the next) that is thrown away afterwards.
 */
final class Browser implements Closeable {

  /** Longest a single DevTools command may take before the browser counts as hung. */
  private static final long CALL_MS = 20_000;

  private final BrowserProcess process;
  private final GuardedProxy proxy;
  private final RenderSettings settings;
  /** Answers the Fetch domain's paused requests (per-site headers) off the DevTools reader thread. */
  private final java.util.concurrent.ExecutorService interceptor = java.util.concurrent.Executors.newFixedThreadPool(2,
      r -> {
        Thread t = new Thread(r, "render-requests");
        t.setDaemon(true);
        return t;
      });

  private Browser(BrowserProcess process, GuardedProxy proxy, RenderSettings settings) {
    this.process = process;
    this.proxy = proxy;
    this.settings = settings;
  }

  static Browser launch(RenderSettings rs, GuardedProxy.Connector connector, int connectTimeoutMs,
      int readTimeoutMs, boolean tlsInsecure, BrowserRegistry registry) throws RenderException {
    GuardedProxy proxy;
    try {
      proxy = new GuardedProxy(connector, connectTimeoutMs, readTimeoutMs);
    } catch (IOException e) {
      throw new RenderException("cannot open the browser's proxy on 127.0.0.1: " + e.getMessage(), true, e);
    }
    try {
      return new Browser(BrowserProcess.start(rs.binary(), flags(rs, proxy.address(), tlsInsecure, runningAsRoot()),
          registry, CALL_MS), proxy, rs);
    } catch (RenderException e) {
      proxy.close();
      throw e;
    }
  }

  /**
   * The command line. Every request goes to the guarded proxy, loopback included ({@code <-loopback>} removes
   * Chromium's implicit bypass); nothing leaves around it (no QUIC, no DNS prefetch, no non-proxied WebRTC
   * UDP); no background networking, extensions, sync, first-run UI, pop-ups or permission prompts. (Chromium's
   * crash handler cannot be turned off: without it the network service crashes at start; it leaves the process
   * group, so {@link BrowserProcess} finds it by the browser's folder in its command line.)
   */
  static List<String> flags(RenderSettings rs, String proxy, boolean tlsInsecure, boolean root) {
    List<String> f = new ArrayList<>(List.of("--headless", "--proxy-server=http://" + proxy,
        "--proxy-bypass-list=<-loopback>", "--disable-quic", "--dns-prefetch-disable",
        "--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "--webrtc-ip-handling-policy=disable_non_proxied_udp",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-default-apps", "--disable-breakpad",
        "--block-new-web-contents",
        "--deny-permission-prompts", "--disable-notifications", "--mute-audio", "--hide-scrollbars",
        "--disable-features=MediaRouter,OptimizationHints,Translate,AutofillServerCommunication,NetworkPrediction,InterestFeedContentSuggestions",
        "--disable-dev-shm-usage", "--disable-gpu", "--js-flags=--max-old-space-size=512",
        "--window-size=" + rs.width() + ",900"));
    if (root) {
      // Chromium refuses to run as root with its sandbox on; see docs/rendering.md for what this costs.
      f.add("--no-sandbox");
    }
    if (tlsInsecure) {
      f.add("--ignore-certificate-errors");
    }
    return f;
  }

  private static boolean runningAsRoot() {
    return ProcFs.ownUid() == 0;
  }

  BrowserProcess process() {
    return process;
  }

  boolean alive() {
    return process.alive();
  }

  /**
   * Loads {@code url}, waits for it to load (within {@code render.timeout.ms}) and for the network to go quiet
   * (within {@code render.settle.ms}), then returns its DOM and, when asked, a full-page screenshot.
   */
  Rendering render(String url, HostRequests site, boolean screenshot) throws RenderException {
    long t0 = System.nanoTime();
    DevTools dt = process.devtools();
    proxy.takeRefusals();
    ObjectNode p = dt.params();
    String context = dt.call(null, "Target.createBrowserContext", p, CALL_MS).path("browserContextId").asText();
    PageEvents events = new PageEvents();
    HostSetup setup = null;
    try {
      p = dt.params();
      p.put("behavior", "deny");
      p.put("browserContextId", context);
      dt.call(null, "Browser.setDownloadBehavior", p, CALL_MS);
      p = dt.params();
      p.put("url", "about:blank");
      p.put("browserContextId", context);
      String target = dt.call(null, "Target.createTarget", p, CALL_MS).path("targetId").asText();
      p = dt.params();
      p.put("targetId", target);
      p.put("flatten", true);
      String session = dt.call(null, "Target.attachToTarget", p, CALL_MS).path("sessionId").asText();
      events.watch(session, target);
      dt.listen(events);
      dt.call(session, "Page.enable", null, CALL_MS);
      p = dt.params();
      p.put("enabled", true);
      dt.call(session, "Page.setLifecycleEventsEnabled", p, CALL_MS);
      dt.call(session, "Network.enable", null, CALL_MS);
      p = dt.params();
      p.put("bypass", true);
      dt.call(session, "Network.setBypassServiceWorker", p, CALL_MS);
      p = dt.params();
      p.put("width", settings.width());
      p.put("height", 900);
      p.put("deviceScaleFactor", 1);
      p.put("mobile", false);
      dt.call(session, "Emulation.setDeviceMetricsOverride", p, CALL_MS);
      setup = HostSetup.apply(dt, session, site, interceptor);
      p = dt.params();
      p.put("url", url);
      JsonNode nav;
      try {
        nav = dt.call(session, "Page.navigate", p, settings.timeoutMs());
      } catch (RenderException e) {
        if (dt.ended() != null) {
          throw e;
        }
        // The page's own server is slow, not the browser: the context is thrown away, the browser kept.
        throw new RenderException(url + " sent no answer to the browser within render.timeout.ms="
            + settings.timeoutMs() + " ms" + refusalNote(), false);
      }
      if (nav.hasNonNull("errorText") && !nav.path("errorText").asText().isEmpty()) {
        throw new RenderException("the browser could not load " + url + ": " + nav.path("errorText").asText()
            + refusalNote(), false);
      }
      events.navigated(nav.path("loaderId").asText());
      long loadBy = t0 + settings.timeoutMs() * 1_000_000L;
      if (!events.await(PageEvents.LOAD, loadBy, dt)) {
        throw new RenderException(url + " did not finish loading within render.timeout.ms=" + settings.timeoutMs()
            + " ms" + refusalNote(), false);
      }
      boolean settled = events.await(PageEvents.IDLE, System.nanoTime() + settings.settleMs() * 1_000_000L, dt);
      String html = evaluate(dt, session, "(document.doctype ? new XMLSerializer().serializeToString(document.doctype)"
          + " + '\\n' : '') + (document.documentElement ? document.documentElement.outerHTML : '')");
      String finalUrl = evaluate(dt, session, "location.href");
      Screenshot shot = screenshot ? capture(dt, session) : null;
      return new Rendering(url, finalUrl.isEmpty() ? url : finalUrl, html, shot, proxy.takeRefusals(), settled,
          (System.nanoTime() - t0) / 1_000_000L);
    } finally {
      dt.unlisten(events);
      if (setup != null) {
        dt.unlisten(setup);
      }
      if (dt.ended() == null) {
        p = dt.params();
        p.put("browserContextId", context);
        dt.call(null, "Target.disposeBrowserContext", p, CALL_MS);
      }
    }
  }

  private String refusalNote() {
    List<String> r = proxy.takeRefusals();
    return r.isEmpty() ? "" : " (refused: " + String.join("; ", r) + ")";
  }

  private static String evaluate(DevTools dt, String session, String expression) throws RenderException {
    ObjectNode p = dt.params();
    p.put("expression", expression);
    p.put("returnByValue", true);
    JsonNode r = dt.call(session, "Runtime.evaluate", p, CALL_MS);
    return r.path("result").path("value").asText("");
  }

  private Screenshot capture(DevTools dt, String session) throws RenderException {
    JsonNode m = dt.call(session, "Page.getLayoutMetrics", null, CALL_MS);
    JsonNode size = m.has("cssContentSize") ? m.get("cssContentSize") : m.path("contentSize");
    int w = (int) Math.max(1, Math.min(Math.ceil(size.path("width").asDouble(settings.width())), settings.width() * 2));
    int full = (int) Math.max(1, Math.ceil(size.path("height").asDouble(900)));
    int h = Math.min(full, settings.maxHeight());
    ObjectNode p = dt.params();
    p.put("format", settings.format());
    p.put("quality", settings.quality());
    p.put("captureBeyondViewport", true);
    ObjectNode clip = p.putObject("clip");
    clip.put("x", 0);
    clip.put("y", 0);
    clip.put("width", w);
    clip.put("height", h);
    clip.put("scale", 1);
    JsonNode r = dt.call(session, "Page.captureScreenshot", p, CALL_MS * 2);
    byte[] image = Base64.getDecoder().decode(r.path("data").asText(""));
    return new Screenshot(image, settings.format(), w, h, full > h);
  }

  @Override
  public void close() {
    process.close();
    proxy.close();
    interceptor.shutdownNow();
  }

  /**
   * The page's load and network-idle moments, and whether its renderer crashed. Only events of the main
   * frame's current document count: the about:blank the tab starts with fires its own load, sometimes after
   * the navigation began, and a script that navigates the page starts a new document to wait for.
   */
  private static final class PageEvents implements Consumer<JsonNode> {
    static final int LOAD = 1;
    static final int IDLE = 2;

    private final java.util.Map<String, Integer> byLoader = new java.util.HashMap<>();
    private volatile String session;
    private volatile String frame;
    private volatile String document;
    private volatile int seen;
    private volatile boolean crashed;

    void watch(String session, String frame) {
      this.session = session;
      this.frame = frame;
    }

    /** The loader of the navigation newsvault started: only its document (or a later one) counts from now. */
    synchronized void navigated(String loaderId) {
      document = loaderId;
      seen = byLoader.getOrDefault(loaderId, 0);
    }

    @Override
    public synchronized void accept(JsonNode m) {
      if (!m.path("sessionId").asText().equals(session)) {
        return;
      }
      String method = m.path("method").asText();
      JsonNode params = m.path("params");
      if (method.equals("Inspector.targetCrashed")) {
        crashed = true;
      } else if (method.equals("Page.lifecycleEvent") && params.path("frameId").asText().equals(frame)) {
        String loader = params.path("loaderId").asText();
        String name = params.path("name").asText();
        int flag = name.equals("load") ? LOAD : name.equals("networkIdle") ? IDLE : 0;
        if (byLoader.size() < 1000) {
          byLoader.merge(loader, flag, (a, b) -> a | b);
        }
        if (name.equals("init") && document != null && !loader.equals(document)) {
          document = loader; // the page navigated itself: wait for the new document's load
          seen = byLoader.getOrDefault(loader, 0);
        } else if (loader.equals(document)) {
          seen |= flag;
        }
      }
    }

    /** Waits until {@code what} has happened or {@code deadline} (System.nanoTime) passes. */
    boolean await(int what, long deadline, DevTools dt) throws RenderException {
      while ((seen & what) == 0) {
        if (crashed) {
          throw new RenderException("the page's renderer crashed (out of memory, or a browser fault)", false);
        }
        if (dt.ended() != null) {
          throw new RenderException("the browser died while loading the page (" + dt.ended() + ")", true);
        }
        if (System.nanoTime() >= deadline) {
          return false;
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RenderException("interrupted while waiting for the page", false);
        }
      }
      return true;
    }
  }
}
