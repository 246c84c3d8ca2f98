package dev.newsvault.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host politeness: requests to one host are spaced at least its delay apart, while different hosts
 * proceed independently. Each caller reserves the next free slot for its host and sleeps until then, so
 * no lock is held while waiting. A host's delay is the configured default or a larger robots.txt
 * Crawl-delay.
 */
public final class HostGate {

  private final long defaultDelayMs;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  public HostGate(long defaultDelayMs) {
    if (defaultDelayMs < 0) {
      throw new IllegalArgumentException("politeness delay must be >= 0, got " + defaultDelayMs);
    }
    this.defaultDelayMs = defaultDelayMs;
  }

  private final class Slot {
    long delayMs = defaultDelayMs;
    long nextNanos = Long.MIN_VALUE;
  }

  /**
   * Blocks until a request to {@code host} may be sent, and reserves that moment for the caller; returns the
   * reservation, for {@link #unused} when no request was sent after all.
   */
  public long await(String host) throws InterruptedException {
    Slot slot = slots.computeIfAbsent(key(host), h -> new Slot());
    long wait;
    long reserved;
    synchronized (slot) {
      long now = System.nanoTime();
      long at = slot.nextNanos == Long.MIN_VALUE ? now : Math.max(now, slot.nextNanos);
      slot.nextNanos = at + slot.delayMs * 1_000_000L;
      wait = at - now;
      reserved = at;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
    return reserved;
  }

  /**
   * The request reserved at {@code reservation} was never sent (the address guard refused its connection), so
   * the host need not be rested after it: the next caller may go at once. Only when no later request has
   * reserved a slot meanwhile, so two real requests are never brought closer than the delay.
   */
  public void unused(String host, long reservation) {
    Slot slot = slots.get(key(host));
    if (slot == null) {
      return;
    }
    synchronized (slot) {
      if (slot.nextNanos == reservation + slot.delayMs * 1_000_000L) {
        slot.nextNanos = reservation;
      }
    }
  }

  /** Sets a host's delay to {@code ms} when that is larger than the default (robots.txt Crawl-delay). */
  public void setDelay(String host, long ms) {
    Slot slot = slots.computeIfAbsent(key(host), h -> new Slot());
    synchronized (slot) {
      slot.delayMs = Math.max(defaultDelayMs, ms);
    }
  }

  /** The delay in force for {@code host}. */
  public long delayMs(String host) {
    Slot slot = slots.get(key(host));
    if (slot == null) {
      return defaultDelayMs;
    }
    synchronized (slot) {
      return slot.delayMs;
    }
  }

  private static String key(String host) {
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
