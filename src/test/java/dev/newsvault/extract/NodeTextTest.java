package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class NodeTextTest {

  @Test
  void appendsWhatJsoupGivesAsTheNodesTextUpToTheLimit() {
    Random random = new Random(21);
    char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\f', '\r', '\u000b', '\u00a0', '\u200b', '\u00ad', '\u2003',
        '\u3000', '\ud83d', '\udcf0', '\u00e9', '.'};
    for (int i = 0; i < 50_000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String raw = new String(chars);
      String prefix = random.nextBoolean() ? "" : "x ";
      String whole = prefix + new TextNode(raw).text();
      assertEquals(StringUtil.normaliseWhitespace(raw), new TextNode(raw).text());
      int limit = i % 10 == 0 ? Integer.MAX_VALUE : random.nextInt(50); // no limit, as the story scorer asks
      StringBuilder out = new StringBuilder(prefix);
      NodeText.append(out, raw, limit);
      String got = out.toString();
      assertTrue(whole.startsWith(got), "a prefix of \"" + whole + "\": \"" + got + "\"");
      assertEquals(whole.length() > limit, got.length() > limit, "longer than " + limit + ": \"" + got + "\"");
      if (whole.length() <= limit) {
        assertEquals(whole, got);
      }
    }
  }
}
