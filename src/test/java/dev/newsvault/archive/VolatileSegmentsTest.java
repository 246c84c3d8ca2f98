package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VolatileSegmentsTest {

  static List<Arguments> lines() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = VolatileSegmentsTest.class.getResourceAsStream("/check/volatile-lines.tsv")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!row.isBlank() && !row.startsWith("#")) {
          String[] cols = row.split("\t");
          out.add(Arguments.of(cols[0], cols[1]));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void eachLineKeepsOnlyWhatIsNotACounterOrRelativeTime(String line, String expected) {
    String want = expected.equals("-") ? "" : expected.equals("=") ? line : expected;
    assertThat(VolatileSegments.strip(line)).isEqualTo(want);
  }

  @Test
  void paragraphsAroundADroppedLineStaySeparate() {
    String text = "Council cuts library hours.\n\nUpdated 5 minutes ago · 260 comments\n\nThe vote was close.";
    assertThat(VolatileSegments.strip(text)).isEqualTo("Council cuts library hours.\n\n\nThe vote was close.");
  }

  @Test
  void textHashIgnoresCounterChurnButNotANumberInTheStory() {
    String v1 = "Twelve branches close.\n\nUpdated 5 minutes ago · 260 comments\n\n12 people were hurt.";
    String churned = "Twelve branches close.\n\nUpdated 26 minutes ago · 272 comments\n\n12 people were hurt.";
    String edited = "Twelve branches close.\n\nUpdated 5 minutes ago · 260 comments\n\n15 people were hurt.";
    assertThat(ContentHash.ofText(churned)).isEqualTo(ContentHash.ofText(v1));
    assertThat(ContentHash.ofText(edited)).isNotEqualTo(ContentHash.ofText(v1));
  }

  @Test
  void aCounterLineThatAppearsLaterDoesNotChangeTheHash() {
    String before = "Twelve branches close.\n\nThe vote was close.";
    String after = "Twelve branches close.\n\n0 comments\n\nThe vote was close.";
    assertThat(ContentHash.ofText(after)).isEqualTo(ContentHash.ofText(before));
  }

  /** The cheap test that passes over story paragraphs finds a separator wherever one is, as a loop over each char. */
  @Test
  void longLinesAreLookedAtWhereverTheyHoldASeparator() {
    Random random = new Random(41);
    char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\u00a0', '\u2003', '-', '\u2013', '\u2014', '/', '|', '\u00b7',
        '\u2022', '\u2027', '\u2219', '\u30fb', '\u22c5', '\u25cf', '\u25aa', '1', '\u2019'};
    for (int i = 0; i < 20_000; i++) {
      char[] line = new char[120 + random.nextInt(80)];
      for (int j = 0; j < line.length; j++) {
        line[j] = random.nextInt(30) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'w';
      }
      String s = new String(line);
      assertThat(VolatileSegments.mayHoldAPiece(s)).as(s).isEqualTo(mayHoldAPieceByEachChar(s));
    }
  }

  private static boolean mayHoldAPieceByEachChar(String line) {
    if (line.length() <= 124) {
      return true;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ("\u00b7\u2022|\u2027\u2219\u30fb\u22c5\u25cf\u25aa".indexOf(c) >= 0) {
        return true;
      }
      if ((c == '-' || c == '\u2013' || c == '\u2014' || c == '/') && i > 0 && i + 1 < line.length()
          && Character.isWhitespace(line.charAt(i - 1)) && Character.isWhitespace(line.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }
}
