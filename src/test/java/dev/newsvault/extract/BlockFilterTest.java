package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockFilterTest {

  private static boolean kept(String text) {
    Block b = new Block(text, 0, Block.Kind.PARAGRAPH, TextStats.visibleLength(text), 0);
    // A real paragraph after it, so trailing-heading trimming does not interfere.
    Block after = new Block("A closing sentence of the story that ends properly.", 0, Block.Kind.PARAGRAPH, 40, 0);
    return BlockFilter.filter(List.of(b, after), List.of("The Headline")).size() == 2;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Leave a comment",
        "No Comments on Russia accredits Taliban ambassador",
        "Categorized in:",
        "Back to Top",
        "Enter your email address:",
        "Subscribe to IRIA News",
        "Copyright © 2024 IRIA - International Relations Insights & Analysis",
        "Share this article",
        "Advertisement",
        "Image 2 of 5",
        "By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
        "segunda-feira, 22 de janeiro de 2018 às 0:13",
        "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde",
        "Tempo de leitura: 2 minutos",
        "Updated at 1:23 p.m.",
        "Additional reporting by Joseph Hudak",
        "Chinese officials at the meeting in Tunxi. (Image Credit: Chinese Foreign Ministry)",
        "This slideshow requires JavaScript.",
        "[button link=\"/submit\"] Send us YOUR review[/button]",
        "...",
        "Time limit is exhausted. Please reload CAPTCHA.",
        "Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.",
        "Du musst Eingeloggt sein um Kommentare zu schreiben!",
        "War der Artikel nützlich?",
        "Möchten Sie den Artikel teilen?",
        "Was this article helpful?",
        "Bei den Verlinkungen handelt es sich um Affiliate Links.",
        "Lust auf mehr? Melde dich hier für unseren Newsletter an.",
        "Titelbild: Geyres Christophe/picture-alliance",
        "Abbildung 2: Vergleich der Schneehöhen auf dem Gletscher. Die Karte passt gut zu den Beobachtungen.",
        "Foto: dpa",
        "Aktualisiert am 17.01.2021.",
        "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
        "Explore further",
        "Lesen Sie auch die folgenden Beiträge:",
        "Zum Weiterlesen",
        "Ähnliche Themen",
        "À lire aussi",
        "We may receive compensation if you visit partners we recommend. Read our advertiser disclosure for more info.",
        "Weitere Infos unter www.example.org.",
      })
  void dropsPageFurniture(String line) {
    assertThat(kept(line)).as(line).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A spokesman declined to comment.",
        "By Monday, officials had reopened the road to traffic.",
        "The 2020 budget",
        "Shops divided",
        "He said the council would share the cost with the county.",
        "The vote was held on March 31, 2022, in the eastern city of Tunxi, China.",
        "Auf dem Foto: der Bürgermeister beim Spatenstich, mit dem die Arbeiten am neuen Hafen beginnen.",
        "Das Bild zeigt, wie sehr sich die Stadt verändert hat.",
        "Aktualisiert wurde die Studie im Januar 2021, nachdem neue Zahlen vorlagen.",
        "Weiterlesen lohnt sich: Der zweite Teil erscheint morgen.",
        "Weitere Informationen über die Kosten wollte die Stadt nicht nennen.",
      })
  void keepsStorySentencesAndSubheadings(String line) {
    assertThat(kept(line)).as(line).isTrue();
  }

  @org.junit.jupiter.api.Test
  void dropsAuthorNameRepeatedAsALineOfItsOwn() {
    Block byline = new Block("By Jana Becker", 0, Block.Kind.PARAGRAPH, 12, 0);
    Block name = new Block("Jana Becker", 0, Block.Kind.PARAGRAPH, 10, 0);
    Block story = new Block("Jana Becker said the library will open on Sundays.", 0, Block.Kind.PARAGRAPH, 40, 0);
    assertThat(BlockFilter.filter(List.of(byline, name, story), List.of(), List.of("Jana Becker")))
        .containsExactly(story);
  }

  /** Each phrase's literal stands in every alternative of its pattern, so a line without it cannot match. */
  @org.junit.jupiter.api.Test
  void everyFurniturePhraseContainsTheLiteralThatAdmitsIt() {
    for (String[] phrase : BlockFilter.ANYWHERE_PHRASES) {
      assertThat(phrase[0]).isEqualTo(phrase[0].toLowerCase(java.util.Locale.ROOT));
      int depth = 0;
      int start = 0;
      String regex = phrase[1];
      for (int i = 0; i <= regex.length(); i++) {
        char c = i < regex.length() ? regex.charAt(i) : '|';
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == '|' && depth == 0) {
          assertThat(regex.substring(start, i)).as(regex).contains(phrase[0]);
          start = i + 1;
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Copyright 2024 Example Media", "COPYRIGHT © EXAMPLE", "© 2019 Der Verlag", "All Rights Reserved.",
        "We use cookies to improve your experience", "Cookie Settings", "Subscribe to our newsletter today",
        "Enter your e-mail address", "Click here to read", "Reporting by Jane Doe; editing by John Roe",
        "Comments are moderated before they appear", "Kommentare werden moderiert", "Follow us on Twitter",
        "Photo © Agency", "Images (c) Someone", "Fotos credit: Ana", "Picture credit Max",
        "Share this with your friends", "Please enable JavaScript", "Tags: politics, economy",
        "Categoria: Saúde", "Filed under: News", "Publicado por: Ana", "Posted in: World",
        "A plain sentence with no furniture in it at all.", "Photograph by the river", "Copyrights are complex",
        "Der Kommentar des Tages", "Tagesschau", "categorically wrong", "postedby", "ÉDITING BY NOBODY"})
  void thePhraseCheckAgreesWithThePatternAlone(String line) {
    assertThat(BlockFilter.hasFurniturePhrase(line)).isEqualTo(BlockFilter.FURNITURE_ANYWHERE.matcher(line).find());
  }

  @org.junit.jupiter.api.Test
  void aLinkedHeadingOverALongParagraphOpensASectionButOverATeaserSummaryItGoes() {
    Block heading = new Block("Setting up the repository", 25, Block.Kind.HEADING, 25, 0);
    String prose = "Before anyone can share changes, the repository needs a server that everyone can reach, "
        + "a branch that holds the published work, and a rule that says which changes may still be rewritten "
        + "and which are final, so that nobody amends what a colleague has already built on.";
    Block section = new Block(prose, 0, Block.Kind.PARAGRAPH, TextStats.visibleLength(prose), 0);
    String teaser = "The council voted on the new bridge on Tuesday evening.";
    Block summary = new Block(teaser, 0, Block.Kind.PARAGRAPH, TextStats.visibleLength(teaser), 0);
    assertThat(BlockFilter.filter(List.of(heading, section), List.of("The Headline"))).contains(heading);
    assertThat(BlockFilter.filter(List.of(heading, summary), List.of("The Headline"))).doesNotContain(heading);
  }
}
