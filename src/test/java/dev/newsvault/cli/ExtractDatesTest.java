package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The date fixtures ({@code src/test/resources/dates}: every kind of source, 19 languages, the refusals)
 * through {@code extract} as a user runs it: the day and the {@code date_source} each page gets.
 */
class ExtractDatesTest {

  @TempDir Path dir;

  /** file → {day or "-", source or "-"}, from {@code dates/expected.psv}. */
  static Map<String, String[]> expected() throws IOException {
    Map<String, String[]> out = new LinkedHashMap<>();
    try (InputStream in = ExtractDatesTest.class.getResourceAsStream("/dates/expected.psv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|");
        out.put(f[0], new String[] {f[1], f[2], f[3]});
      }
    }
    return out;
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = ExtractDatesTest.class.getResourceAsStream("/dates/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void everyFixtureGetsItsDayAndSourceOrNoDateAtAll() throws IOException {
    Map<String, String[]> expected = expected();
    for (String name : expected.keySet()) {
      Files.write(dir.resolve(name), fixture(name));
    }
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));

    assertThat(cl.execute("--format", "jsonl", dir.toString())).isZero();

    Map<String, String> got = new LinkedHashMap<>();
    for (String line : out.toString().strip().split("\n")) {
      JsonNode n = new ObjectMapper().readTree(line);
      String day = n.get("published").isNull() ? "-" : n.get("published").asText().substring(0, 10);
      String source = n.get("date_source").isNull() ? "-" : n.get("date_source").asText();
      got.put(Path.of(n.get("file").asText()).getFileName().toString(), day + " " + source);
    }
    Map<String, String> want = new LinkedHashMap<>();
    expected.forEach((file, e) -> want.put(file, e[1] + " " + e[2]));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(want);
  }

  @Test
  void theDayIsThePagesOwnAndTheOffsetIsKept() throws IOException {
    Files.write(dir.resolve("a.html"), fixture("en-jsonld-graph.html"));
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(out));

    assertThat(cl.execute("--format", "jsonl", dir.toString())).isZero();

    JsonNode n = new ObjectMapper().readTree(out.toString().strip());
    // 10:00 at -04:00 is 14:00 UTC; kept as the page wrote it, never converted
    assertThat(n.get("published").asText()).isEqualTo("2019-06-27T10:00:00-04:00");
    assertThat(n.get("modified").asText()).isEqualTo("2019-06-28T09:00:00-04:00");
    assertThat(n.get("modified_source").asText()).isEqualTo("json-ld");
  }
}
