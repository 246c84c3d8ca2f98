package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLanguageTest {

  @Test
  void samplesAtMostTheBudgetAndNeverEndsInsideAWord() {
    String text = "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, ".repeat(5);
    String sample = TextLanguage.sample(text);
    assertThat(sample.length()).isLessThanOrEqualTo(TextLanguage.SAMPLE_CHARS);
    assertThat(Character.isWhitespace(text.charAt(sample.length()))).isTrue();
    assertThat(text).startsWith(sample);
  }

  @Test
  void cutsTextWithoutSpacesAtTheBudget() {
    String text = "東京都は二日、新しい防災計画を発表した。".repeat(20);
    assertThat(TextLanguage.sample(text)).hasSize(TextLanguage.SAMPLE_CHARS);
    assertThat(TextLanguage.detect(text)).isEqualTo("ja");
  }

  @Test
  void shortTextIsReadWhole() {
    assertThat(TextLanguage.sample("Kurzer Text.")).isEqualTo("Kurzer Text.");
  }

  @Test
  void namesTheLanguageOfEachSampleFromItsFirstSentences() {
    assertThat(TextLanguage.detect(
            "El ayuntamiento aprobó ayer por la tarde el nuevo plan de movilidad, que reduce el tráfico en"
                + " el centro histórico y amplía las zonas peatonales durante los fines de semana."))
        .isEqualTo("es");
    assertThat(TextLanguage.detect(
            "Le conseil municipal a adopté mardi soir, après un long débat, le budget de l'année prochaine,"
                + " qui prévoit la rénovation des écoles et une nouvelle piscine."))
        .isEqualTo("fr");
    assertThat(TextLanguage.detect(
            "Gemeenteraad stemt in met nieuwe plannen voor de binnenstad: meer groen, minder auto's en"
                + " bredere fietspaden langs de grachten vanaf volgend jaar."))
        .isEqualTo("nl");
  }

  @Test
  void aDeclaredLanguageIsConfirmedByTheTextNeverTakenOnTrust() {
    String spanish =
        "El ayuntamiento aprobó ayer por la tarde el nuevo plan de movilidad, que reduce el tráfico en"
            + " el centro histórico y amplía las zonas peatonales durante los fines de semana.";
    assertThat(TextLanguage.detect(spanish, "es-ES")).isEqualTo("es");
    // A site-wide default that the article does not speak: the text decides.
    assertThat(TextLanguage.detect(spanish, "en")).isEqualTo("es");
    assertThat(TextLanguage.detect(spanish, "de_DE")).isEqualTo("es");
    // Tags that name no two-letter language are ignored, not misread.
    assertThat(TextLanguage.detect(spanish, "x-klingon")).isEqualTo("es");
    assertThat(TextLanguage.detect(spanish, "esp")).isEqualTo("es");
    assertThat(TextLanguage.detect(spanish, "")).isEqualTo("es");
    // Too little text is no answer, declared or not.
    assertThat(TextLanguage.detect("Menu", "en")).isNull();
  }
}
