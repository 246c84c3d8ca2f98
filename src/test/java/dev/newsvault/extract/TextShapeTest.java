package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextShapeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Der Rat hat es beschlossen.| true | true",
        "¿Viene mañana?| true | true",
        "Er sagte: „Ja“ (später)| true | false",
        "Zutaten:| true | false",
        "Mehr zum Thema| false | false",
        "東京は晴れです。| true | true",
        "東京の天気| false | false"
      })
  void tellsSentenceEndsFromLabels(String text, boolean sentence, boolean statement) {
    assertThat(TextShape.endsSentence(text)).as("endsSentence").isEqualTo(sentence);
    assertThat(TextShape.endsStatement(text)).as("endsStatement").isEqualTo(statement);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Drei Wörter hier| 3 | 0 | false",
        "un, deux, trois.| 3 | 2 | true",
        "今日は、晴れです。| 2 | 1 | true",
        "— · —| 0 | 0 | false"
      })
  void countsWordsAndCommasInAnyScript(String text, int words, int commas, boolean punctuated) {
    assertThat(TextShape.words(text)).isEqualTo(words);
    assertThat(TextShape.commas(text)).isEqualTo(commas);
    assertThat(TextShape.hasSentencePunctuation(text)).isEqualTo(punctuated);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Stadtbibliothek öffnet sonntags!| stadtbibliothek  Öffnet – SONNTAGS", "By Jana Becker| by jana-becker"})
  void keysIgnoreCaseSpacingAndPunctuation(String a, String b) {
    assertThat(TextShape.key(a)).isEqualTo(TextShape.key(b)).isNotEmpty();
  }
}
