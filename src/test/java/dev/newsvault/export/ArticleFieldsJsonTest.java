package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.ExportRow;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed JSON of a record is byte for byte what serialising its field map gave. */
class ArticleFieldsJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static ExportRow row(String text, String title, List<String> authors, Long simhash) {
    return new ExportRow(41, 7, 3, "https://news.example.com/a?b=1&c=\"2\"", "news.example.com", null,
        "sha256:00ff", title, authors, "2026-01-05T10:00:00+02:00", null, "2026-01-06T10:00:00.987654321Z",
        "Ex\u00e4mple \u2014 News", "de", null, List.of("tag \\ one", "zwei\u0000"), null, text, 5, 200,
        "text/html; charset=utf-8", Map.of("etag", "\"x\""), "sha256:" + "ab".repeat(32), null, null,
        "2026-01-05T09:00:00Z", "2026-01-06T10:00:00Z", "live", "text", "de", "json-ld", null, null,
        List.of("Politik", "Lokales"), simhash);
  }

  @Test
  void streamedJsonEqualsTheFieldMapSerialised() throws Exception {
    List<ExportRecord> records = List.of(
        new ExportRecord(row("Erster Absatz \u201czitiert\u201d.\n\nZweiter: \ud83d\udcf0 \t tab </script>",
            "Titel", List.of("Anna B.", "C\u00e9line"), 12345L), null),
        new ExportRecord(row("", null, List.of(), null), 41L),
        new ExportRecord(row("line\u2028separator \u0001 control", "\"quoted\"", List.of("x"), -1L), null));
    for (ExportRecord r : records) {
      for (boolean withCluster : new boolean[] {false, true}) {
        byte[] expected = JSON.writeValueAsBytes(ArticleFields.of(r, withCluster));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(bytes)) {
          ArticleFields.writeJson(g, r, withCluster);
        }
        assertThat(bytes.toByteArray()).isEqualTo(expected);

        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
          ArticleFields.writeJson(g, r, withCluster);
        }
        assertThat(text.toString()).isEqualTo(JSON.writeValueAsString(ArticleFields.of(r, withCluster)));
      }
    }
  }
}
