package dev.newsvault.render;

import dev.newsvault.config.Settings;
import dev.newsvault.fetch.AddressGuard;
import dev.newsvault.fetch.HostRequests;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code render.concurrency} headless browsers, started when first needed:
 *
 * <pre>{@code
 * try (BrowserPool pool = BrowserPool.open(settings)) {
 *   Rendering r = pool.render(url, HostRequests.NONE, true);
 * }
 * }</pre>
 *
 * A browser that dies, hangs or grows past {@code render.memory.mb} is killed (its whole process group) and a
 * fresh one takes its place for the next page; the page it was on fails with a {@link RenderException} that
 * says why. Opening the pool first kills browsers left behind by a newsvault that was killed.
 */
public final class BrowserPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);

  private final Settings settings;
  private final RenderSettings render;
  private final GuardedProxy.Connector connector;
  private final BrowserRegistry registry;
  private final BlockingQueue<Slot> slots;
  private final List<Slot> all = new ArrayList<>();
  private final Thread hook;
  private volatile boolean closed;

  private static final class Slot {
    Browser browser;
  }

  private BrowserPool(Settings settings, RenderSettings render) {
    this.settings = settings;
    this.render = render;
    this.connector = connector(settings);
    this.registry = new BrowserRegistry(settings.workDir().resolve("browsers"));
    this.slots = new ArrayBlockingQueue<>(render.concurrency());
    for (int i = 0; i < render.concurrency(); i++) {
      Slot s = new Slot();
      all.add(s);
      slots.add(s);
    }
    registry.cleanUpStale();
    this.hook = new Thread(this::close, "browser-pool-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A pool with the {@code render.*} settings of {@code settings}; no browser starts until a page needs one. */
  public static BrowserPool open(Settings settings) {
    return new BrowserPool(settings, RenderSettings.of(settings));
  }

  public RenderSettings renderSettings() {
    return render;
  }

  /** The address guard for the browser's proxy, the same rule as {@code HttpClients} gives plain fetches. */
  private static GuardedProxy.Connector connector(Settings s) {
    if (s.allowPrivate()) {
      return (host, port, timeoutMs) -> {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMs);
        return socket;
      };
    }
    AddressGuard guard = AddressGuard.strict().allowing(s.allowAddresses());
    return guard::connect;
  }

  /**
   * Renders {@code url} in the next free browser, waiting for one when all are busy.
   *
   * @param site the headers and cookies of one host, sent to that host only
   * @param screenshot whether to take a full-page screenshot
   */
  public Rendering render(String url, HostRequests site, boolean screenshot) throws RenderException,
      InterruptedException {
    Slot slot = slots.take();
    try {
      if (closed) {
        throw new RenderException("the browser pool is closed", false);
      }
      if (slot.browser != null && !slot.browser.alive()) {
        LOG.warn("a browser died between pages; starting a new one");
        kill(slot);
      }
      if (slot.browser == null) {
        slot.browser = Browser.launch(render, connector, settings.connectTimeoutMs(), settings.readTimeoutMs(),
            settings.tlsInsecure(), registry);
      }
      Rendering r = slot.browser.render(url, site, screenshot);
      long rss = slot.browser.process().memoryBytes();
      if (rss > render.memoryMb() * 1024L * 1024L) {
        LOG.info("the browser uses {} MB, over render.memory.mb={}; restarting it", rss >> 20, render.memoryMb());
        kill(slot);
      }
      return r;
    } catch (RenderException e) {
      if (e.browserBroken() && slot.browser != null) {
        LOG.warn("killing the browser after {}: {}", url, e.getMessage());
        kill(slot);
      }
      throw e;
    } finally {
      slots.put(slot);
    }
  }

  /** Process ids of the running browsers (keepers and every Chromium process), for memory figures and tests. */
  public List<Long> pids() {
    List<Long> out = new ArrayList<>();
    synchronized (all) {
      for (Slot s : all) {
        Browser b = s.browser;
        if (b != null) {
          out.addAll(b.process().pids());
        }
      }
    }
    return out;
  }

  /** Memory of all browsers (proportional set size), in bytes. */
  public long memoryBytes() {
    long sum = 0;
    for (Slot s : all) {
      Browser b = s.browser;
      if (b != null) {
        sum += b.process().memoryBytes();
      }
    }
    return sum;
  }

  private static void kill(Slot slot) {
    Browser b = slot.browser;
    slot.browser = null;
    if (b != null) {
      b.close();
    }
  }

  /** Kills every browser; pages being rendered fail. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (all) {
      all.forEach(BrowserPool::kill);
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already
      }
    }
  }
}
