package dev.newsvault.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostGateTest {

  @Test
  void requestsToOneHostAreSpacedByTheDelayEvenFromManyThreads() throws Exception {
    HostGate gate = new HostGate(50);
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 6; i++) {
      pool.submit(() -> {
        gate.await("news.test");
        times.add(System.nanoTime());
        return null;
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    // Each caller sleeps until its own reserved slot, 50 ms after the previous one: the i-th request to go
    // cannot start before t0 + i * 50 ms. (A thread that wakes late only makes its time later, so this
    // holds under any load, unlike gaps between neighbours; Thread.sleep may round half a millisecond down.)
    assertThat(sorted).hasSize(6);
    for (int i = 0; i < sorted.size(); i++) {
      assertThat((sorted.get(i) - t0) / 1_000_000.0).as("request %d", i).isGreaterThanOrEqualTo(i * 50.0 - 1.0);
    }
  }

  @Test
  void differentHostsDoNotWaitForEachOther() throws Exception {
    HostGate gate = new HostGate(10_000);
    gate.await("a.test");
    long t0 = System.nanoTime();
    gate.await("b.test");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void crawlDelayRaisesButNeverLowersTheDelay() {
    HostGate gate = new HostGate(100);
    gate.setDelay("a.test", 2000);
    gate.setDelay("b.test", 10);
    assertThat(gate.delayMs("a.test")).isEqualTo(2000);
    assertThat(gate.delayMs("b.test")).isEqualTo(100);
    assertThat(gate.delayMs("A.TEST")).isEqualTo(2000);
  }

  @Test
  void anUnusedReservationLetsTheNextRequestGoAtOnce() throws Exception {
    HostGate gate = new HostGate(600_000); // ten minutes: a second await that honoured it would not return
    long first = gate.await("news.example");
    gate.unused("news.example", first); // the guard refused the connection: nothing was sent
    long second = gate.await("news.example");
    assertThat(second - first).isLessThan(600_000L * 1_000_000L);
    // a reservation that was used keeps the host rested: releasing an older one changes nothing
    gate.unused("news.example", first);
    assertThat(gate.delayMs("news.example")).isEqualTo(600_000);
  }
}
