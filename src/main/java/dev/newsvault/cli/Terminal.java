package dev.newsvault.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Set;

/**
 * Output that is safe for a terminal. Titles, text, authors, header values and URLs come from the network
 * or from files; printed raw, a control sequence in them can set the window title, clear the screen, hide
 * text or move the cursor over earlier lines. {@link #safe(PrintWriter)} wraps a command's output so that
 * everything it prints passes through a filter that drops
 *
 * <ul>
 *   <li>C0 control characters except newline and tab (so also carriage return, backspace, BEL), and DEL;
 *   <li>whole escape sequences: CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL} or {@code ESC \}),
 *       DCS, SOS, PM and APC strings, and two-character escapes;
 *   <li>C1 control characters U+0080 to U+009F, and the bidirectional overrides and isolates (U+202A to
 *       U+202E, U+2066 to U+2069) that make text read differently from how it is stored.
 * </ul>
 *
 * An unterminated sequence ends at the next newline, so a hostile value can hide at most the rest of its own
 * line. The filter works on the stream, so it covers every print call of a command, with or without colour:
 * a command that colours its output names the exact sequences it writes itself, and only those pass.
 */
public final class Terminal {

  private Terminal() {}

  /** {@code out} with every control character and escape sequence removed from what is written to it. */
  public static PrintWriter safe(PrintWriter out) {
    return safe(out, Set.of());
  }

  /** As {@link #safe(PrintWriter)}, letting through exactly the escape sequences in {@code own}. */
  public static PrintWriter safe(PrintWriter out, Set<String> own) {
    return new PrintWriter(new ControlFilter(out, own));
  }

  /** {@code s} without control characters and escape sequences (newline and tab kept); null stays null. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringWriter w = new StringWriter(s.length());
    try (ControlFilter f = new ControlFilter(w, Set.of())) {
      f.write(s);
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen with a StringWriter", e);
    }
    return w.toString();
  }

  /** Whether {@code c} is removed wherever it appears outside an escape sequence. */
  static boolean removed(char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  /** A streaming filter: sequences may be split across writes. */
  private static final class ControlFilter extends FilterWriter {

    private enum State { TEXT, ESC, CSI, STRING, STRING_ESC }

    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';

    private final Set<String> own;
    private final StringBuilder pending = new StringBuilder();
    private State state = State.TEXT;

    ControlFilter(Writer out, Set<String> own) {
      super(out);
      this.own = Set.copyOf(own);
    }

    @Override
    public void write(int c) throws IOException {
      accept((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        accept(cbuf[i]);
      }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        accept(str.charAt(i));
      }
    }

    private void accept(char c) throws IOException {
      if (c == '\n' && state != State.TEXT) {
        // An unterminated sequence ends with its line.
        reset();
      }
      switch (state) {
        case TEXT -> text(c);
        case ESC -> escape(c);
        case CSI -> csi(c);
        case STRING -> {
          if (c == BEL || c == '\u009c') {
            reset();
          } else if (c == ESC) {
            state = State.STRING_ESC;
          }
        }
        case STRING_ESC -> {
          if (c == '\\') {
            reset();
          } else {
            state = c == ESC ? State.STRING_ESC : State.STRING;
          }
        }
      }
    }

    private void text(char c) throws IOException {
      if (c == ESC) {
        state = State.ESC;
        pending.append(c);
      } else if (c == '\u009b') {
        state = State.CSI; // the one-byte CSI
      } else if (c == '\u009d' || c == '\u0090' || c == '\u0098' || c == '\u009e' || c == '\u009f') {
        state = State.STRING; // one-byte OSC, DCS, SOS, PM, APC
      } else if (!removed(c)) {
        out.write(c);
      }
    }

    private void escape(char c) {
      switch (c) {
        case '[' -> {
          state = State.CSI;
          pending.append(c);
        }
        case ']', 'P', 'X', '^', '_' -> {
          state = State.STRING;
          pending.setLength(0);
        }
        // ESC followed by an intermediate byte: the sequence continues to its final byte.
        default -> {
          if (c >= 0x20 && c <= 0x2f) {
            pending.append(c);
          } else {
            reset(); // a two-character escape (ESC 7, ESC c, ...): dropped
          }
        }
      }
    }

    private void csi(char c) throws IOException {
      if (c >= 0x20 && c <= 0x3f) {
        pending.append(c); // parameter and intermediate bytes
      } else if (c >= 0x40 && c <= 0x7e) {
        pending.append(c);
        String seq = pending.toString();
        reset();
        if (own.contains(seq)) {
          out.write(seq);
        }
      } else {
        // Not a valid sequence: drop what was collected and judge the character as text.
        reset();
        text(c);
      }
    }

    private void reset() {
      state = State.TEXT;
      pending.setLength(0);
    }
  }
}
