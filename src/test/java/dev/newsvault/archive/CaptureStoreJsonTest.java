package dev.newsvault.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The archive's JSON columns are written as Jackson's mapper writes them, character for character. */
class CaptureStoreJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void listsAreWrittenAsTheMapperWritesThem() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      List<String> values = new ArrayList<>();
      for (int n = random.nextInt(5); n > 0; n--) {
        values.add(random.nextInt(20) == 0 ? null : text(random));
      }
      assertEquals(MAPPER.writeValueAsString(values), CaptureStore.json(values), "JSON of " + values);
    }
    List<String> edge = Arrays.asList("", "\"quoted\"", "back\\slash", "line\nbreak\ttab\r\u0000\u001f\u007f",
        "</script>", "caf\u00e9 \u2028 \u2029", "\ud83d\udcf0 news", "\ud800 lone", null);
    assertEquals(MAPPER.writeValueAsString(edge), CaptureStore.json(edge));
  }

  @Test
  void mapsAreWrittenAsTheMapperWritesThemInTheirOrder() throws Exception {
    Random random = new Random(13);
    for (int i = 0; i < 5_000; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (int n = random.nextInt(6); n > 0; n--) {
        fields.put(text(random), text(random));
      }
      assertEquals(MAPPER.writeValueAsString(fields), CaptureStore.json(fields), "JSON of " + fields);
      Map<String, String> copy = Map.copyOf(fields); // as Capture keeps its headers
      assertEquals(MAPPER.writeValueAsString(copy), CaptureStore.json(copy), "JSON of " + copy);
    }
  }

  /** Mostly plain, with quotes, escapes, controls, non-ASCII and surrogates mixed in. */
  private static String text(Random random) {
    char[] special = {'"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u0001', '\u001f', '\u007f', '<', '>',
        '&', '\'', '\u00e9', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud83d', '\udcf0', '\u4e2d'};
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(24); n > 0; n--) {
      b.append(random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }
}
