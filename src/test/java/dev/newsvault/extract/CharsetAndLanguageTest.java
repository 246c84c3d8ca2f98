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
}
