package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

  @Test
  void dropsEveryC0ControlButTabLineFeedAndCarriageReturnAndEveryC1Control() {
    for (char c = 0; c <= 0x9F; c++) {
      String cleaned = XmlChars.clean("a" + c + "b");
      boolean kept = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F);
      assertThat(cleaned).as("U+%04X", (int) c).isEqualTo(kept ? "a" + c + "b" : "ab");
    }
  }

  @Test
  void keepsLettersAndSurrogatePairsAndDropsLoneSurrogatesAndNonCharacters() {
    assertThat(XmlChars.clean("Zoë 😀 Ελλάδα")).isEqualTo("Zoë 😀 Ελλάδα");
    assertThat(XmlChars.clean("x\uD83Dy\uDE00z\uFFFE\uFFFF")).isEqualTo("xyz");
    assertThat(XmlChars.clean(null)).isNull();
    String clean = "nothing to do here";
    assertThat(XmlChars.clean(clean)).isSameAs(clean);
  }
}
