package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8DecoderTest {

  private static final int RUN = Utf8Decoder.MIN_ASCII_RUN;

  private static void assertSameAsJdk(byte[] bytes) {
    String expected = new String(bytes, StandardCharsets.UTF_8);
    assertThat(Utf8Decoder.decode(bytes)).as(Arrays.toString(bytes)).isEqualTo(expected);
  }

  @Test
  void decodesLikeTheJdkOnPagesOfEveryScript() {
    String ascii = "<p class=\"lead\">".repeat(8);
    for (String text : new String[] {
        "", "plain ascii", ascii, ascii + "“quoted” — dash" + ascii + "é",
        "Привет, мир! " + ascii + " Москва", ascii + "日本語のテキスト、" + ascii + "東京",
        ascii + "emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" + ascii, "ß" + ascii, ascii + "ß",
        "\u00a0".repeat(200), ascii + "\uFFFD" + ascii}) {
      assertSameAsJdk(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void malformedBytesBecomeTheSameReplacementCharactersAsInTheJdk() {
    String ascii = "a".repeat(RUN);
    byte[][] bad = {
        {(byte) 0xE2, (byte) 0x80}, {(byte) 0xE2}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    for (byte[] b : bad) {
      for (String before : new String[] {"", "x", ascii}) {
        for (String after : new String[] {"", "x", ascii, ascii + "é"}) {
          byte[] pre = before.getBytes(StandardCharsets.US_ASCII);
          byte[] post = after.getBytes(StandardCharsets.UTF_8);
          byte[] all = new byte[pre.length + b.length + post.length];
          System.arraycopy(pre, 0, all, 0, pre.length);
          System.arraycopy(b, 0, all, pre.length, b.length);
          System.arraycopy(post, 0, all, pre.length + b.length, post.length);
          assertSameAsJdk(all);
        }
      }
    }
  }

  @Test
  void randomBytesWithLongAsciiRunsDecodeLikeTheJdk() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(400)];
      int i = 0;
      while (i < b.length) {
        // Alternate ASCII runs around the bulk-copy threshold with random bytes of any value.
        boolean asciiRun = random.nextBoolean();
        int len = Math.min(b.length - i, asciiRun ? RUN - 2 + random.nextInt(8) : 1 + random.nextInt(6));
        for (int k = 0; k < len; k++) {
          b[i + k] = asciiRun ? (byte) (32 + random.nextInt(95)) : (byte) random.nextInt(256);
        }
        i += len;
      }
      assertSameAsJdk(b);
    }
  }

  @Test
  void findsTheNextNonAsciiByteAtAnyOffset() {
    for (int len = 0; len < 40; len++) {
      for (int pos = 0; pos <= len; pos++) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) 'a');
        if (pos < len) {
          b[pos] = (byte) 0xC3;
        }
        for (int from = 0; from <= len; from++) {
          int expected = pos < len && pos >= from ? pos : len;
          assertThat(Utf8Decoder.nextNonAscii(b, from)).isEqualTo(expected);
        }
      }
    }
  }
}
