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
    for (int i = 1; i < sorted.size(); i++) {
      assertThat((sorted.get(i) - sorted.get(i - 1)) / 1_000_000.0).isGreaterThanOrEqualTo(49.0);
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
}
