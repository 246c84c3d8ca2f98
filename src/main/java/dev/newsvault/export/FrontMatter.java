package dev.newsvault.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A Markdown file's YAML front matter. Every value is written as JSON (a double-quoted string, a number or a
 * flow list), which YAML reads as the same value: no title, however odd its characters, can end the block or
 * turn into another key. Null values are left out.
 */
public final class FrontMatter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FrontMatter() {}

  /** {@code ---}, one {@code key: value} line per non-null field, {@code ---}, each line ending in a newline. */
  public static String of(Map<String, Object> fields) {
    StringBuilder sb = new StringBuilder("---\n");
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      try {
        sb.append(e.getKey()).append(": ").append(JSON.writeValueAsString(e.getValue())).append('\n');
      } catch (JsonProcessingException ex) {
        throw new IllegalArgumentException("cannot write " + e.getKey() + " as YAML", ex);
      }
    }
    return sb.append("---\n").toString();
  }

  /** A Markdown file: front matter, a blank line, the body and a final newline. */
  public static String document(Map<String, Object> fields, String markdown) {
    String body = markdown == null ? "" : markdown.strip();
    return of(fields) + (body.isEmpty() ? "" : "\n" + body + "\n");
  }
}
