package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetAndLanguageTest {

  private static final String RUSSIAN =
      "<html><body><p>Вчера в городе открылась новая библиотека. Жители давно ждали этого события, "
          + "потому что старое здание было закрыто на ремонт почти три года, и читателям приходилось "
          + "ездить в соседний район. Теперь в библиотеке есть читальный зал, детская комната и кафе.</p>"
          + "</body></html>";

  @Test
  void undeclaredCyrillicPageIsDetectedNotReadAsWindows1252() {
    DecodedPage p = HtmlDecoder.decode(RUSSIAN.getBytes(Charset.forName("windows-1251")), null);
    assertThat(p.charsetSource()).isEqualTo("detected");
    assertThat(p.charset()).isEqualTo(Charset.forName("windows-1251"));
    assertThat(p.html()).contains("Вчера в городе открылась новая библиотека");
  }

  @Test
  void whenHeaderAndMetaDisagreeTheBytesDecide() {
    String html = "<meta charset=\"windows-1251\">" + RUSSIAN;
    DecodedPage p = HtmlDecoder.decode(html.getBytes(Charset.forName("windows-1251")), "text/html; charset=utf-8");
    assertThat(p.html()).contains("читальный зал");
  }

  @Test
  void headerAndMetaThatAgreeAreTrusted() {
    String html = "<meta charset=\"utf-8\">" + RUSSIAN;
    DecodedPage p = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    assertThat(p.charsetSource()).isEqualTo("header");
    assertThat(p.html()).contains("читальный зал");
  }

  @Test
  void detectsTheLanguageOfTheTextAndKeepsTheDeclaredOne() {
    byte[] page = ("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Библиотека</title></head>"
        + RUSSIAN.substring(6)).getBytes(StandardCharsets.UTF_8);
    Article a = new ArticleExtractor(ExtractionRules.NONE).extract(page, null, "https://example.org/a");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.languageDetected()).isEqualTo("ru");
  }

  @Test
  void tooLittleTextHasNoDetectedLanguage() {
    assertThat(TextLanguage.detect("Menu")).isNull();
    assertThat(TextLanguage.detect("")).isNull();
    assertThat(TextLanguage.detect(null)).isNull();
  }

  @Test
  void textIsInComposedFormWhateverFormThePageUses() {
    // "য়" written as one code point (a composition exclusion) and "é" as e + combining accent.
    String story = "\u0986\u099c \u09B8\u0995\u09BE\u09B2\u09C7 \u0997\u09CD\u09B0\u09BE\u09AE\u09C7 \u098F\u0995\u099F\u09BF "
        + "\u09A8\u09A4\u09C1\u09A8 \u09B8\u09C7\u09A4\u09C1 \u0996\u09C1\u09B2\u09C7 \u09A6\u09C7\u0993\u09DF\u09BE \u09B9\u09DF\u09C7\u099B\u09C7\u0964 "
        + "Caf\u0065\u0301 and more words to make a paragraph of the story, with commas, that runs on long enough.";
    String html = "<html><body><article><p>" + story + "</p><p>" + story + "</p></article></body></html>";
    Article a = new ArticleExtractor(ExtractionRules.NONE)
        .extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "https://example.org/bn");
    assertThat(a.text()).contains("\u09A6\u09C7\u0993\u09AF\u09BC\u09BE", "Caf\u00e9")
        .doesNotContain("\u09DF").doesNotContain("\u0301");
    assertThat(java.text.Normalizer.isNormalized(a.markdown(), java.text.Normalizer.Form.NFC)).isTrue();
  }
}
