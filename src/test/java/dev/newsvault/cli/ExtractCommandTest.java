package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ExtractCommandTest.class.getResourceAsStream("/extract/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void markdownFormatPrintsFrontMatterAndTheStructuredBodyWithoutControlCharacters() throws IOException {
    Path page = dir.resolve("page.html");
    Files.write(page, fixture("markdown/structure.html"));
    Files.writeString(dir.resolve("evil.html"), "<html><head><title>Evil\u001b]0;pwned\u0007 title</title></head>"
        + "<body><article><p>A paragraph long enough to be the story of this page, with a terminal escape"
        + " \u001b[2J in the middle of it, which must never reach the terminal that prints it.</p></article></body></html>");

    assertThat(run("--format", "markdown", "--url", "https://courier.example.org/2026/library", page.toString(),
        dir.resolve("evil.html").toString())).isZero();

    String printed = out.toString();
    assertThat(printed).startsWith("---\nfile: ").contains("\ntitle: \"How the river town rebuilt its library\"\n",
        "\n---\n\nAfter the spring flood", "\n## What the council weighed\n", "\n| Option | Cost | Ready |\n")
        .doesNotContain("\ntext: ", "\u001b", "\u0007");
    out.getBuffer().setLength(0);
    assertThat(run("--format", "jsonl", page.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("markdown").asText()).contains("## What the council weighed");
  }

  @Test
  void printsOneJsonObjectPerFileInSortedOrderIncludingGzip() throws IOException {
    Files.write(dir.resolve("b.html"), fixture("news-site.html"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(fixture("opengraph.html"));
    }
    Files.write(dir.resolve("a.html.gz"), gz.toByteArray());
    Files.writeString(dir.resolve("notes.txt"), "not html");

    assertThat(run("--format", "jsonl", dir.toString())).isZero();

    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("file").asText()).endsWith("a.html.gz");
    assertThat(first.get("title").asText()).isEqualTo("Stadtbibliothek verlängert Öffnungszeiten");
    assertThat(first.get("tags")).hasSize(3);
    for (String field : new String[] {"url", "text", "authors", "published", "modified", "canonical_url",
        "site_name", "language", "description", "image_url"}) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(new ObjectMapper().readTree(lines[1]).get("text").asText()).startsWith("Plans for a two-kilometre");
  }

  @Test
  void textFormatPrintsTitleThenTextWithSeparator() throws IOException {
    Path f = dir.resolve("page.htm");
    Files.write(f, fixture("plain.html"));
    assertThat(run("--format", "text", f.toString())).isZero();
    assertThat(out.toString())
        .contains("==> " + f + " <==")
        .contains("Notes on restoring a 1950s valve radio")
        .contains("The set came from a house clearance");
  }

  @Test
  void reportsUnreadableFileAndGoesOnWithExitCodeOne() throws IOException {
    Path good = dir.resolve("good.html");
    Files.write(good, fixture("plain.html"));
    Path missing = dir.resolve("missing.html");
    Path broken = dir.resolve("broken.html.gz");
    Files.writeString(broken, "this is not gzip");

    assertThat(run(missing.toString(), broken.toString(), good.toString())).isEqualTo(1);

    assertThat(err.toString()).contains(missing.toString()).contains(broken.toString());
    assertThat(out.toString().strip().split("\n")).hasSize(1);
  }

  @Test
  void passesUrlOptionThrough() throws IOException {
    Path f = dir.resolve("og.html");
    Files.write(f, fixture("opengraph.html"));
    assertThat(run("--url", "https://rheinblick.example/x", f.toString())).isZero();
    JsonNode o = new ObjectMapper().readTree(out.toString().strip());
    assertThat(o.get("url").asText()).isEqualTo("https://rheinblick.example/x");
    assertThat(o.get("canonical_url").asText()).isEqualTo("https://rheinblick.example/kultur/bibliothek-oeffnungszeiten");
  }

  @Test
  void readsStandardInputWhenPathIsDash() throws IOException {
    InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(fixture("plain.html")));
      assertThat(run("-")).isZero();
    } finally {
      System.setIn(saved);
    }
    JsonNode o = new ObjectMapper().readTree(out.toString().strip());
    assertThat(o.get("file").asText()).isEqualTo("-");
    assertThat(o.get("title").asText()).isEqualTo("Notes on restoring a 1950s valve radio");
  }
}
