package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsvault.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every {@code ./newsvault} line in a code block of README.md, CONTRIBUTING.md and docs/*.md parses as written: a
 * known command, known options with valid values, and known config keys for {@code --set}. A word in capitals
 * (URL, FILE, COMMAND) is a placeholder and stands for any value.
 */
class DocsCommandsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*(\\.\\.\\.)?");

  /** One documented command line and where it is. */
  record DocLine(Path file, int line, String text) {
    @Override
    public String toString() {
      return ROOT.relativize(file) + ":" + line + ": " + text;
    }
  }

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The {@code ./newsvault} command lines inside code blocks (indented four spaces, or fenced). */
  static List<DocLine> commandLines(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<DocLine> found = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced && !line.startsWith("    ")) {
        continue;
      }
      String code = line.strip();
      int at = code.startsWith("./newsvault ") || code.equals("./newsvault") ? 0 : code.indexOf("&& ./newsvault");
      if (at < 0) {
        continue;
      }
      if (at > 0) {
        code = code.substring(at + 3);
      }
      int n = i;
      while (code.endsWith("\\") && n + 1 < lines.size()) {
        code = code.substring(0, code.length() - 1) + " " + lines.get(++n).strip();
      }
      found.add(new DocLine(doc, i + 1, code));
    }
    return found;
  }

  /** The words of a shell line up to a comment, pipe, redirection or the next command. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else if (!any && (c == '#' || c == '|' || c == '>' || c == ';' || c == '&')) {
        break;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words;
  }

  @Test
  void theDocumentsHoldCommandLines() throws IOException {
    List<DocLine> all = new ArrayList<>();
    for (Path d : documents()) {
      all.addAll(commandLines(d));
    }
    // the README's own tour, and the reference pages
    assertThat(all).extracting(l -> ROOT.relativize(l.file()).toString())
        .contains("README.md", "docs/commands.md", "docs/check.md", "docs/export.md");
    assertThat(all.size()).isGreaterThan(40);
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path d : documents()) {
      for (DocLine l : commandLines(d)) {
        tests.add(DynamicTest.dynamicTest(l.toString(), () -> assertParses(l)));
      }
    }
    return tests.stream();
  }

  static void assertParses(DocLine l) {
    List<String> w = words(l.text());
    assertThat(w.get(0)).as(l.toString()).isEqualTo("./newsvault");
    List<String> args = new ArrayList<>();
    for (String word : w.subList(1, w.size())) {
      args.add(PLACEHOLDER.matcher(word).matches() ? "x" : word);
    }
    if (!args.isEmpty() && args.get(0).equals("x")) { // ./newsvault COMMAND --help: every command
      for (String command : Main.commandLine().getSubcommands().keySet()) {
        List<String> each = new ArrayList<>(args);
        each.set(0, command);
        parse(l, each);
      }
      return;
    }
    parse(l, args);
  }

  private static void parse(DocLine l, List<String> args) {
    CommandLine cl = Main.commandLine();
    assertThatCode(() -> cl.parseArgs(args.toArray(String[]::new))).as(l.toString()).doesNotThrowAnyException();
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--set")) {
        var e = ConfigLoader.parseOverride(args.get(i + 1));
        overrides.put(e.getKey(), e.getValue());
      }
    }
    assertThatCode(() -> ConfigLoader.load(ROOT.resolve("target/no-such-config.properties"), false, overrides))
        .as(l.toString()).doesNotThrowAnyException();
  }

  /** The check itself catches what it is for: a misspelt option, an unknown command, an unknown key. */
  @Test
  void aWrongLineFails() {
    for (String wrong : List.of("./newsvault crawl --seed my-sites.txt", "./newsvault crawll",
        "./newsvault crawl --set max.dept=1", "./newsvault export --fromat jsonl")) {
      DocLine l = new DocLine(ROOT.resolve("README.md"), 1, wrong);
      assertThatCode(() -> assertParses(l)).as(wrong).isInstanceOf(AssertionError.class);
    }
  }
}
