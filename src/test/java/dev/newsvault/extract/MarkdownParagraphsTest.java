package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * The archive's check that a story's Markdown is only its text's paragraphs, read without writing them, answers
   * as comparing with the written paragraphs does: for the paragraphs themselves, for every Markdown one edit away
   * from them, and for another text's paragraphs.
   */
  @Test
  void readsMarkdownAgainstTheTextAsComparingWithItsParagraphsWould() {
    Random random = new Random(5);
    char[] alphabet = {'a', 'b', ' ', '\n', '\n', '*', '#', '>', '=', '1', '2', '.', ')', '-', '&', ';', '[', '\\',
        'é'};
    // without any character escaped inside a line, which is read in bulk (line starts are still escaped)
    char[] plain = {'a', 'b', ' ', '\n', '\n', '#', '>', '=', '+', '1', '2', '.', ')', '-', ';', 'é'};
    int edits = 0;
    for (int i = 0; i < 10_000; i++) {
      String text = randomText(random, i % 2 == 0 ? alphabet : plain);
      String md = MarkdownWriter.paragraphs(text);
      assertTrue(MarkdownWriter.isParagraphs(md, text), "paragraphs of \"" + text + "\"");
      for (int at = 0; at <= md.length(); at++) {
        char c = alphabet[random.nextInt(alphabet.length)];
        for (String edited : List.of(md.substring(0, at) + c + md.substring(at),
            at < md.length() ? md.substring(0, at) + md.substring(at + 1) : md + "\n",
            at < md.length() ? md.substring(0, at) + c + md.substring(at + 1) : "\n\n" + md)) {
          assertEquals(edited.equals(md), MarkdownWriter.isParagraphs(edited, text),
              "\"" + edited + "\" against the text \"" + text + "\"");
          edits++;
        }
      }
      String other = randomText(random, alphabet);
      assertEquals(MarkdownWriter.paragraphs(other).equals(md), MarkdownWriter.isParagraphs(
          MarkdownWriter.paragraphs(other), text), "\"" + other + "\" against \"" + text + "\"");
    }
    assertTrue(edits > 200_000, "edits tried: " + edits);
    assertTrue(MarkdownWriter.isParagraphs("", null));
    assertTrue(MarkdownWriter.isParagraphs("", ""));
    assertFalse(MarkdownWriter.isParagraphs("a", ""));
    assertTrue(MarkdownWriter.isParagraphs("1\\. one\n\n\\# two \\*x\\*", "1. one\n\n# two *x*"));
    assertFalse(MarkdownWriter.isParagraphs("1. one\n\n# two *x*", "1. one\n\n# two *x*"));
    assertTrue(MarkdownWriter.isParagraphs("12\\) twelve\n\n\\- a list? no", "12) twelve\n\n- a list? no"));
    assertFalse(MarkdownWriter.isParagraphs("12) twelve\n\n\\- a list? no", "12) twelve\n\n- a list? no"));
    assertFalse(MarkdownWriter.isParagraphs("b", "\n\nb\n")); // a text's own line breaks are kept
  }

  private static String randomText(Random random, char[] alphabet) {
    char[] text = new char[random.nextInt(24)];
    for (int j = 0; j < text.length; j++) {
      text[j] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(text);
  }

  /** The renderer copies a word without looking at it when no character of it may be escaped: none is ever missed. */
  @Test
  void aCharacterThatInlineEscapingMayTouchIsNeverPassedOver() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String alone = String.valueOf(c);
      boolean escaped = !MarkdownEscape.inline(alone + "x;", false).equals(alone + "x;")
          || !MarkdownEscape.inline(alone, false).equals(alone);
      assertEquals(escaped, MarkdownEscape.mayEscape(c), "U+" + Integer.toHexString(c));
      assertEquals(MarkdownEscape.mayNeedInlineEscape(alone), MarkdownEscape.mayEscape(c), "U+" + Integer.toHexString(c));
    }
  }
}
