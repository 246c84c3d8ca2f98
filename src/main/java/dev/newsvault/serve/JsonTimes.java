package dev.newsvault.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.newsvault.archive.Timestamps;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The JSON API's times to the millisecond at most. New archive rows are stored so; rows written before that
 * hold the JVM clock's nanoseconds ({@code 2026-12-06T14:56:39.905066242Z}), and are cut here rather than
 * rewritten in the archive (a rewrite of every version would re-index the whole search index).
 */
final class JsonTimes {

  /** An archive time with more than three digits of fraction; nothing else is touched. */
  private static final Pattern FINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{4,9}Z");

  private JsonTimes() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("newsvault-times");
    m.addSerializer(String.class, new StdSerializer<>(String.class) {
      @Override
      public void serialize(String s, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(s.length() >= 25 && s.length() <= 30 && FINE.matcher(s).matches() ? Timestamps.millis(s) : s);
      }
    });
    return m;
  }
}
