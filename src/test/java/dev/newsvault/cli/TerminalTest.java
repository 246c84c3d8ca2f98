package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TerminalTest {

  /** Inputs are written with {@code <ESC>}, {@code <BEL>}, ... so the table stays readable. */
  private static String unescape(String s) {
    return s.replace("<ESC>", "\u001b").replace("<BEL>", "\u0007").replace("<CR>", "\r").replace("<BS>", "\b")
        .replace("<DEL>", "\u007f").replace("<CSI>", "\u009b").replace("<OSC>", "\u009d").replace("<ST>", "\u009c")
        .replace("<RLO>", "\u202e").replace("<NUL>", "\u0000").replace("<NL>", "\n").replace("<TAB>", "\t");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "window title (OSC ... BEL)        | A<ESC>]0;owned<BEL>B          | AB",
      "window title (OSC ... ST)         | A<ESC>]2;owned<ESC>\\B        | AB",
      "clear screen                      | A<ESC>[2J<ESC>[HB             | AB",
      "colour and hidden text            | <ESC>[8mhidden<ESC>[0m shown  | hidden shown",
      "two-character escape (reset)      | A<ESC>cB                      | AB",
      "charset designation               | A<ESC>(0B                     | AB",
      "one-byte CSI                      | A<CSI>2JB                     | AB",
      "one-byte OSC                      | A<OSC>0;t<ST>B                | AB",
      "carriage return overwrite         | safe<CR>evil                  | safeevil",
      "backspace, DEL, NUL               | a<BS>b<DEL>c<NUL>d            | abcd",
      "bidi override                     | file<RLO>txt.exe              | filetxt.exe",
      "newline and tab kept              | a<TAB>b<NL>c                  | a<TAB>b<NL>c",
      "unterminated OSC ends at the line | A<ESC>]0;t<NL>next            | A<NL>next",
      "plain text with unicode           | Grüße, 東京 – “news”          | Grüße, 東京 – “news”"})
  void stripsControlSequences(String what, String input, String expected) {
    assertThat(Terminal.clean(unescape(input))).isEqualTo(unescape(expected));
  }

  @Test
  void aWrappedWriterFiltersEveryPrintEvenWhenASequenceIsSplitAcrossWrites() {
    StringWriter w = new StringWriter();
    PrintWriter out = Terminal.safe(new PrintWriter(w));
    out.print("Title: A\u001b");
    out.print("]0;owned");
    out.print("\u0007B");
    out.printf("%s%n", "\u001b[2Jx");
    out.flush();
    assertThat(w.toString()).isEqualTo("Title: ABx\n");
  }

  @Test
  void onlyTheCommandsOwnColoursPass() {
    StringWriter w = new StringWriter();
    PrintWriter out = Terminal.safe(new PrintWriter(w), Set.of("\u001b[31m", "\u001b[0m"));
    out.print("\u001b[31mdeleted\u001b[0m \u001b[8mhidden\u001b[0m");
    out.flush();
    assertThat(w.toString()).isEqualTo("\u001b[31mdeleted\u001b[0m hidden\u001b[0m");
  }
}
