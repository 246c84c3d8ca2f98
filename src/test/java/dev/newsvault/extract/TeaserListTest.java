package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TeaserListTest {

  private static final Pattern BLANK_LINE = Pattern.compile("\n\n");

  @Test
  void splitsParagraphsAsTheRegularExpressionDoes() {
    for (String s : List.of("", "a", "\n", "\n\n", "\n\n\n", "\n\n\n\n", "a\n\nb", "a\n\n", "\n\na", "a\n\n\nb",
        "a\n\n\n\nb", "a\nb", "a\n\nb\n\n\n\n", "\n\n\n\nb")) {
      assertEquals(Arrays.asList(BLANK_LINE.split(s)), TeaserList.paragraphs(s), "split of \"" + s + "\"");
    }
    Random random = new Random(7);
    char[] alphabet = {'a', 'b', ' ', '\n', '\n', '\r'};
    for (int i = 0; i < 20_000; i++) {
      char[] text = new char[random.nextInt(16)];
      for (int j = 0; j < text.length; j++) {
        text[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertEquals(Arrays.asList(BLANK_LINE.split(s)), TeaserList.paragraphs(s), "split of \"" + s + "\"");
    }
  }

  @Test
  void paragraphsAreFoldedAsTheRegularExpressionFoldsThem() {
    Random random = new Random(31);
    char[] alphabet = {'a', 'b', ' ', ' ', ' ', '\t', '\n', '\r', '\f', '\u000b', '\u00a0', '\u2003', '\u0001', '\u2019'};
    for (int i = 0; i < 20_000; i++) {
      char[] text = new char[random.nextInt(i % 50 == 0 ? 3000 : 30)]; // long ones are read in several chunks
      for (int j = 0; j < text.length; j++) {
        text[j] = i % 3 == 0 && random.nextInt(40) > 0 ? 'w' : alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertEquals(s.replaceAll("\\s+", " ").trim(), TeaserList.normalise(s), s);
    }
  }

  @Test
  void linksAreAbsoluteWhereThePatternSaysSo() {
    Pattern absolute = Pattern.compile("(?i)^(https?:)?//.*");
    Random random = new Random(37);
    String[] pieces = {"http", "HTTPS", "hTtP", "s", ":", "//", "/", "x.org", "\n", "\r", "\u0085", "\u2028", "\u2029",
        "\u017f", "\u212a", "a", " ", "#", "?q=1"};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder href = new StringBuilder();
      for (int n = random.nextInt(6); n > 0; n--) {
        href.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = href.toString();
      assertEquals(absolute.matcher(s).matches(), TeaserList.isAbsolute(s), s);
    }
  }
}
