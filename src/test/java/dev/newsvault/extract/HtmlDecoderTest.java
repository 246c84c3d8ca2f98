package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String TEXT = "<html><body><p>Café « crème » – naïve</p></body></html>";

  @Test
  void usesCharsetFromContentTypeHeader() {
    DecodedPage p = HtmlDecoder.decode(TEXT.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=ISO-8859-1");
    assertThat(p.charsetSource()).isEqualTo("header");
    assertThat(p.html()).contains("Café « crème »");
  }

  @Test
  void usesMetaCharsetWhenHeaderHasNone() {
    String html = "<html><head><meta charset=\"windows-1252\"></head>" + TEXT.substring(6);
    DecodedPage p = HtmlDecoder.decode(html.getBytes(WINDOWS_1252), "text/html");
    assertThat(p.charsetSource()).isEqualTo("meta");
    assertThat(p.html()).contains("Café « crème » – naïve");
  }

  @Test
  void usesHttpEquivMetaDeclaration() {
    String html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">" + TEXT;
    DecodedPage p = HtmlDecoder.decode(html.getBytes(WINDOWS_1252), null);
    assertThat(p.charsetSource()).isEqualTo("meta");
    // Browsers read latin-1 labels as windows-1252, so the en dash survives.
    assertThat(p.charset()).isEqualTo(WINDOWS_1252);
    assertThat(p.html()).contains("– naïve");
  }

  @Test
  void byteOrderMarkWinsOverConflictingHeader() {
    byte[] body = withBom(TEXT.getBytes(StandardCharsets.UTF_8));
    DecodedPage p = HtmlDecoder.decode(body, "text/html; charset=windows-1252");
    assertThat(p.charsetSource()).isEqualTo("bom");
    assertThat(p.html()).startsWith("<html>").contains("Café « crème »");
  }

  @Test
  void whenHeaderAndMetaDisagreeTheBytesDecide() {
    String html = "<meta charset=\"windows-1252\">" + TEXT;
    DecodedPage p = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    assertThat(p.charsetSource()).isEqualTo("detected");
    assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(p.html()).contains("Café « crème »");
  }

  @Test
  void detectsUndeclaredUtf8() {
    DecodedPage p = HtmlDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null);
    assertThat(p.charsetSource()).isEqualTo("detected");
    assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(p.html()).contains("Café « crème » – naïve");
  }

  @Test
  void aReplacementCharacterWrittenInValidUtf8IsUtf8NotABrokenPage() {
    DecodedPage p = HtmlDecoder.decode((TEXT + " \uFFFD").getBytes(StandardCharsets.UTF_8), null);
    assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(p.html()).contains("Café « crème » – naïve", "\uFFFD");
  }

  @Test
  void oneByteThatIsNotUtf8MakesTheRestOfTheBytesDecide() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(utf8, utf8.length + 1);
    bytes[utf8.length] = (byte) 0xE9; // é in windows-1252, a truncated sequence in UTF-8
    assertThat(HtmlDecoder.decode(bytes, null).charset()).isNotEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void fallsBackToWindows1252ForUndeclaredLegacyBytes() {
    DecodedPage p = HtmlDecoder.decode(Fixtures.page("windows-1252"), null);
    assertThat(p.charsetSource()).isEqualTo("detected");
    assertThat(p.charset()).isEqualTo(WINDOWS_1252);
    assertThat(p.html()).contains("précoces").contains("d’avance").doesNotContain("\uFFFD");
  }

  @Test
  void pureAsciiIsDefaultUtf8() {
    DecodedPage p = HtmlDecoder.decode("<p>plain</p>".getBytes(StandardCharsets.US_ASCII), null);
    assertThat(p.charsetSource()).isEqualTo("default");
    assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void ignoresUnknownDeclaredCharset() {
    DecodedPage p = HtmlDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-no-such-thing");
    assertThat(p.charsetSource()).isEqualTo("detected");
    assertThat(p.html()).contains("Café");
  }

  @Test
  void decodesEmptyAndNullBodies() {
    assertThat(HtmlDecoder.decode(new byte[0], null).html()).isEmpty();
    assertThat(HtmlDecoder.decode(null, null).html()).isEmpty();
  }

  private static byte[] withBom(byte[] b) {
    byte[] out = new byte[b.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(b, 0, out, 3, b.length);
    return out;
  }
}
