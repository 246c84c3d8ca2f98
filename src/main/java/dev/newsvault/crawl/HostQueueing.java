package dev.newsvault.crawl;

import dev.newsvault.fetch.HostGate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps crawler threads from idling behind one busy host. crawler4j hands each thread a batch of up to 50
 * URLs, often all from one site; with per-host politeness every thread could then sleep on that site's gate
 * while other sites wait in the queue. When a URL's host is expected to be busy for longer than
 * {@value #DEFER_MS} ms, the URL is put back at the end of the queue once, and the thread moves on.
 * The estimate mirrors {@link HostGate}: each fetch reserves the host for its delay.
 */
final class HostQueueing {

  static final long DEFER_MS = 100;

  private final HostGate gate;
  private final ConcurrentHashMap<String, Long> nextFreeNanos = new ConcurrentHashMap<>();
  private final Set<String> deferred = ConcurrentHashMap.newKeySet();

  HostQueueing(HostGate gate) {
    this.gate = gate;
  }

  /**
   * Whether {@code url} should wait its turn at the back of the queue; otherwise the host is reserved for
   * it. A URL is deferred at most once, so nothing circulates forever.
   */
  boolean defer(String url, String host) {
    long now = System.nanoTime();
    Long next = nextFreeNanos.get(host);
    if (next != null && next - now > DEFER_MS * 1_000_000L && deferred.add(url)) {
      return true;
    }
    long delay = gate.delayMs(host) * 1_000_000L;
    nextFreeNanos.merge(host, now + delay, (old, mine) -> Math.max(old, now) + delay);
    return false;
  }
}
