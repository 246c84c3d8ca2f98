package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates written in many languages and orders, read with month and weekday names from CLDR. */
class DateTextTest {

  @ParameterizedTest(name = "[{1}] {0} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Veröffentlicht am 16.12.2012 | de | 2012-12-16",
      "Samstag, 19. Juli 2014 | de | 2014-07-19",
      "Montag, 19. Juli 2014 | de | -", // 19 July 2014 was a Saturday: a misreading, refused
      "27 juin 2019 | fr | 2019-06-27",
      "le 1er mai 2019 | fr | 2019-05-01",
      "12 марта 2020 | ru | 2020-03-12",
      "12 березня 2020 | uk | 2020-03-12",
      "2020年3月12日 | ja | 2020-03-12",
      "2020년 3월 4일 | ko | 2020-03-04",
      "27/06/2019 às 10h | pt-BR | 2019-06-27",
      "5 de junho de 2019 | pt | 2019-06-05",
      "3 de marzo de 2021 | es | 2021-03-03",
      "12 Mart 2020 | tr | 2020-03-12",
      "12 marca 2020 | pl | 2020-03-12",
      "12. března 2020 | cs | 2020-03-12",
      "2020. június 4. | hu | 2020-06-04",
      "12 Μαρτίου 2020 | el | 2020-03-12",
      "07 أكتوبر 2020 | ar | 2020-10-07",
      "٧ أكتوبر ٢٠٢٠ | ar | 2020-10-07",
      "March 16, 2020 at 3:44 AM | en | 2020-03-16",
      "3 maggio 2021 | it | 2021-05-03",
      "29 februari 2016 | sv | 2016-02-29",
      "14 oktober 2021 | nl | 2021-10-14",
      "2019-06-27 | - | 2019-06-27",
      "03/04/2019 | en-GB | 2019-04-03",
      "03/04/2019 | en-US | 2019-03-04",
      "03/04/2019 | - | -", // no language stated: refused, not guessed
      "13/04/2019 | - | 2019-04-13", // only one reading is a date
      "31.02.2020 | de | -", // no such day
      "Seite 3 von 12 | de | -",
      // listopad is November in Polish and October in Croatian
      "3 listopada 2020 | pl | 2020-11-03",
      "3. listopada 2020. | hr | 2020-10-03"})
  void readsTheFirstDate(String text, String language, String expected) {
    var d = DateText.find(text, language);
    assertThat(d == null ? null : d.toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "20200316T13:00:00Z ; 2020-03-16T13:00:00Z",
      "2019-06-17T18:28:00+0200 ; 2019-06-17T18:28:00+02:00",
      "Sat, 19 Oct 2019 00:04:00 +0200 ; 2019-10-19T00:04+02:00",
      "Tue Aug 25 2020 00:23:33 GMT+0000 ; 2020-08-25",
      "2020-08-25|00h23 ; 2020-08-25"})
  void normalizesMachineDatesKeepingTheirOffset(String raw, String expected) {
    assertThat(Dates.normalize(raw, "en")).isEqualTo(expected);
  }
}
