package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A class or id value holds a hint exactly when its lower case contains one, whatever was asked before it. */
class ClassHintsTest {

  private static final String[] FRAGMENTS = {"date", "time", "publi", "meta", "author"};

  private static boolean direct(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (String f : FRAGMENTS) {
      if (v.contains(f)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void answersAsTheLowerCaseValueDoesBeforeAndAfterItForgets() {
    ClassHints hints = new ClassHints(FRAGMENTS);
    String[] pieces = {"post-", "Date", "DATE", "tIme", "publ", "i", "ished", "meta", "au", "thor", " ", "-", "x",
        "\u0130", "\u212a", "\u00e9", "card"};
    Random random = new Random(43);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 3 * ClassHints.MAX_REMEMBERED; i++) { // past the memory's size: it forgets, then relearns
      StringBuilder v = new StringBuilder();
      for (int n = random.nextInt(5); n > 0; n--) {
        v.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(v.toString());
    }
    for (int round = 0; round < 2; round++) {
      for (String v : values) {
        assertEquals(direct(v), hints.in(v), "\"" + v + "\"");
        assertEquals(direct(v), hints.in(new String(v)), "\"" + v + "\" again"); // another instance, same value
      }
    }
  }
}
