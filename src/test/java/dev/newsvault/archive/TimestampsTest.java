package dev.newsvault.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void storedTimesKeepMillisecondsAtMost() {
    assertNull(Timestamps.stored((Instant) null));
    assertEquals("2026-11-20T08:20:11Z", Timestamps.stored(Instant.parse("2026-11-20T08:20:11.000999Z")));
    assertEquals("2026-11-20T08:20:11.100Z", Timestamps.stored(Instant.parse("2026-11-20T08:20:11.1Z")));
    assertEquals("2026-11-20T08:20:11.123Z", Timestamps.stored(Instant.parse("2026-11-20T08:20:11.123456789Z")));
    assertEquals("2026-11-20T08:20:11Z", Timestamps.seconds("2026-11-20T08:20:11.999Z"));
    assertEquals("not a time", Timestamps.millis("not a time"));
  }

  /** Written as {@code Instant.toString} writes the instant truncated to milliseconds, in every year and second. */
  @Test
  void storedTimesAreTheTruncatedInstantsOwnForm() {
    java.util.Random random = new java.util.Random(17);
    long[] seconds = {0, -1, 1, 253_402_300_799L, 253_402_300_800L, -62_167_219_200L, -62_167_219_201L,
        Instant.MAX.getEpochSecond(), Instant.MIN.getEpochSecond(), 1_795_000_000L};
    for (int i = 0; i < 200_000; i++) {
      long second = i < 50_000 ? seconds[random.nextInt(seconds.length)]
          : i < 100_000 ? 1_795_000_000L + random.nextInt(3) // the same second again and again, as in a crawl
          : random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000);
        default -> random.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(second, nanos);
      assertEquals(t.truncatedTo(ChronoUnit.MILLIS).toString(), Timestamps.stored(t), t.toString());
    }
  }
}
