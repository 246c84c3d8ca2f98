package dev.newsvault.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
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
}
