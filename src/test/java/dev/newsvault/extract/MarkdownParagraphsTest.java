package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A plain text's Markdown paragraphs: what the archive writes for a version stored without its own Markdown. */
class MarkdownParagraphsTest {

  /** The paragraphs as they were first written: split with the regular expression, each escaped at a line's start. */
  private static String reference(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String p : text.split("\n\n", -1)) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(MarkdownEscape.inline(p, true));
    }
    return out.toString();
  }

  @Test
  void splitsAndEscapesAsTheRegularExpressionDid() {
    for (String s : List.of("", "a", "\n\n", "\n\n\n", "a\n\nb", "a\n\n", "\n\na", "a\n\n\nb", "1. one\n\n# two",
        "*x*\n\n\n\n- y", "a\nb")) {
      assertEquals(reference(s), MarkdownWriter.paragraphs(s), "paragraphs of \"" + s + "\"");
    }
    Random random = new Random(3);
    char[] alphabet = {'a', 'b', ' ', '\n', '\n', '*', '#', '1', '.', '-', '&', ';', '[', '\\'};
    for (int i = 0; i < 20_000; i++) {
      char[] text = new char[random.nextInt(20)];
      for (int j = 0; j < text.length; j++) {
        text[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertEquals(reference(s), MarkdownWriter.paragraphs(s), "paragraphs of \"" + s + "\"");
    }
  }
}
