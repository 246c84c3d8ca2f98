package dev.newsvault.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void storedTimesAreWhatInstantWritesToTheMillisecond() {
    assertNull(Timestamps.stored((Instant) null));
    assertEquals("2026-11-20T08:20:11Z", Timestamps.stored(Instant.parse("2026-11-20T08:20:11.000999Z")));
    assertEquals("2026-11-20T08:20:11.100Z", Timestamps.stored(Instant.parse("2026-11-20T08:20:11.1Z")));
    for (Instant t : List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("1969-12-31T23:59:59.999Z"),
        Instant.parse("2000-02-29T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00.001Z"), Instant.MIN,
        Instant.MAX)) {
      assertEquals(t.truncatedTo(ChronoUnit.MILLIS).toString(), Timestamps.stored(t), t.toString());
    }
    Random random = new Random(17);
    for (int i = 0; i < 200_000; i++) {
      // any second from 1900 to 10100, with nanoseconds that are often whole milliseconds or zero
      long seconds = -2_208_988_800L + (long) (random.nextDouble() * 257_000_000_000L);
      int nanos = switch (random.nextInt(3)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      assertEquals(t.truncatedTo(ChronoUnit.MILLIS).toString(), Timestamps.stored(t), t.toString());
    }
  }
}
