package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.check.ChangeClassifier.Revision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeClassifierTest {

  static final String TITLE = "Crane collapse at the container terminal";
  static final List<String> BYLINE = List.of("Maria Okafor");
  static final String P1 = "A crane collapsed at the Port Ellery container terminal on Tuesday morning, the harbour"
      + " authority said.";
  static final String P2 = "12 people were hurt, three of them seriously, when the jib fell across a loading lane.";
  static final String P3 = "The authority said it would inspect the other four cranes of the same model before work"
      + " resumed on Thursday.";
  static final String P4 = "Dock workers' union officials called for an independent inquiry into maintenance.";
  static final String TEXT = String.join("\n\n", P1, P2, P3, P4);

  static Revision rev(String text) {
    return new Revision(TITLE, BYLINE, text);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("a misspelt word fixed", TEXT.replace("authority said.", "authoirty said."), ChangeKind.TYPO, 1, 1),
        Arguments.of("two misspellings in one place", TEXT.replace("loading lane", "loadnig lnae"), ChangeKind.TYPO, 2, 2),
        Arguments.of("a number in a sentence", TEXT.replace("12 people", "15 people"), ChangeKind.NUMBER, 1, 1),
        Arguments.of("a decimal part", TEXT.replace("four cranes", "4 cranes").replace("four", "4")
            .replace("4 cranes", "5 cranes"), ChangeKind.WORDING, 1, 1),
        Arguments.of("one word for another", TEXT.replace("seriously", "critically"), ChangeKind.WORDING, 1, 1),
        Arguments.of("a sentence inserted mid-paragraph", TEXT.replace("harbour authority said.",
            "harbour authority said. Police closed the terminal gates."), ChangeKind.WORDING, 5, 0),
        Arguments.of("a paragraph added", TEXT + "\n\nThe terminal reopened at noon.", ChangeKind.PARAGRAPH_ADDED, 5, 0),
        Arguments.of("a paragraph added in the middle", String.join("\n\n", P1, P2, "The terminal reopened at noon.",
            P3, P4), ChangeKind.PARAGRAPH_ADDED, 5, 0),
        Arguments.of("a paragraph removed", String.join("\n\n", P1, P2, P3), ChangeKind.PARAGRAPH_REMOVED, 0, 11),
        Arguments.of("a correction appended", TEXT + "\n\nCorrection: an earlier version of this article said 15"
            + " people were hurt.", ChangeKind.CORRECTION, 12, 0),
        Arguments.of("a German correction", TEXT + "\n\nKorrektur: In einer früheren Version stand, 15 Menschen"
            + " seien verletzt worden.", ChangeKind.CORRECTION, 11, 0),
        Arguments.of("most of the text replaced", "The harbour authority has closed the terminal while engineers"
            + " examine what went wrong with the crane. Unions and managers will meet on Friday to agree the"
            + " next steps and a timetable for reopening.", ChangeKind.REWRITE, 28, 57),
        Arguments.of("a counter line changes along with a number", TEXT.replace("12 people", "15 people")
            + "\n\n3 hours ago · 272 comments", ChangeKind.NUMBER, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void labelsTheTextEdit(String name, String after, ChangeKind kind, int added, int removed) {
    ChangeLabel l = ChangeClassifier.classify(rev(TEXT), rev(after));
    assertThat(l.kind()).as(name).isEqualTo(kind);
    assertThat(l.wordsAdded()).as(name + ": words added").isEqualTo(added);
    assertThat(l.wordsRemoved()).as(name + ": words removed").isEqualTo(removed);
  }

  @Test
  void aNewHeadlineIsAHeadlineChange() {
    ChangeLabel l = ChangeClassifier.classify(rev(TEXT), new Revision("Crane falls at container terminal", BYLINE,
        TEXT));
    assertThat(l).isEqualTo(new ChangeLabel(ChangeKind.HEADLINE, 0, 0));
  }

  @Test
  void aNewAuthorIsABylineChange() {
    ChangeLabel l = ChangeClassifier.classify(rev(TEXT), new Revision(TITLE, List.of("Maria Okafor", "Tom Reyes"),
        TEXT));
    assertThat(l.kind()).isEqualTo(ChangeKind.BYLINE);
  }

  @Test
  void theMostSignificantEditNamesTheVersion() {
    ChangeLabel l = ChangeClassifier.classify(rev(TEXT), new Revision("Crane falls at container terminal", BYLINE,
        TEXT.replace("12 people", "15 people")));
    assertThat(l).isEqualTo(new ChangeLabel(ChangeKind.HEADLINE, 1, 1));
  }

  @Test
  void minChangeOrderAndNames() {
    assertThat(ChangeKind.parse("paragraph")).isEqualTo(ChangeKind.PARAGRAPH_ADDED);
    assertThat(ChangeKind.parse("Paragraph-Removed")).isEqualTo(ChangeKind.PARAGRAPH_REMOVED);
    assertThat(ChangeKind.TYPO.atLeast(ChangeKind.NUMBER)).isFalse();
    assertThat(ChangeKind.HEADLINE.atLeast(ChangeKind.WORDING)).isTrue();
    assertThatThrownBy(() -> ChangeKind.parse("tpyo")).hasMessageContaining("typo, byline, number");
  }
}
