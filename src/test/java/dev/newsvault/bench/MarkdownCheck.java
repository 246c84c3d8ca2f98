package dev.newsvault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.extract.MarkdownText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the output of {@code extract --format jsonl} and checks, page by page, that the text of the
 * {@code markdown} field as a CommonMark parser reads it is the {@code text} field. Prints each page where it is
 * not, with where the two part, and exits 1 if any. Run by {@code bench/markdown.sh}.
 */
public final class MarkdownCheck {

  private MarkdownCheck() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int pages = 0;
    int differ = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode r = json.readTree(line);
        pages++;
        String text = r.path("text").asText();
        String fromMarkdown = MarkdownText.of(r.path("markdown").asText());
        if (!text.equals(fromMarkdown)) {
          differ++;
          int i = 0;
          while (i < Math.min(text.length(), fromMarkdown.length()) && text.charAt(i) == fromMarkdown.charAt(i)) {
            i++;
          }
          System.out.printf("%s: parts at %d: text %s | markdown %s%n", r.path("file").asText(), i,
              snippet(text, i), snippet(fromMarkdown, i));
        }
      }
    }
    System.out.printf("%d pages, %d whose Markdown does not read back as their text%n", pages, differ);
    System.exit(differ == 0 ? 0 : 1);
  }

  private static String snippet(String s, int i) {
    return "'" + s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40)).replace("\n", "\\n") + "'";
  }
}
