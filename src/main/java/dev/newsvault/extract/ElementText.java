package dev.newsvault.extract;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/**
 * An element's text as jsoup's {@code Element.text()} gives it, made faster for what most paragraphs are: text with
 * inline elements in it (links, emphasis, spans). jsoup normalises white space code point by code point and asks at
 * every element whether a separating space is due; here a run of visible characters is copied whole, and an element
 * that could need a separator (a block, a {@code br}, a text boundary such as an image or a form control), a CDATA
 * section or white space that the page preserves ({@code pre}, {@code textarea}) sends the whole element to jsoup
 * instead. So the text is always jsoup's, character for character.
 */
final class ElementText {

  private ElementText() {}

  /** {@code e.text()}. */
  static String of(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a.tag().preserveWhitespace()) {
        return e.text();
      }
    }
    StringBuilder out = new StringBuilder(128);
    return appendInline(out, e) ? out.toString().trim() : e.text();
  }

  /**
   * Appends the text of {@code e}'s children when no element among them may take a separator; false (with
   * {@code out} left part written) when one may.
   */
  private static boolean appendInline(StringBuilder out, Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node c = e.childNode(i);
      if (c instanceof TextNode t) {
        if (t instanceof CDataNode) {
          return false;
        }
        appendNormalised(out, t.getWholeText());
      } else if (c instanceof Element child) {
        Tag tag = child.tag();
        if (tag.isBlock() || child.nameIs("br") || tag.is(Tag.TextBoundary) || tag.preserveWhitespace()
            || !appendInline(out, child)) {
          return false;
        }
      } // comments and data nodes hold no text for text()
    }
    return true;
  }

  /**
   * Appends a text node's text as jsoup does: each run of white space (no-break space included) one space, none at
   * the start when {@code out} ends with one; zero-width spaces and soft hyphens dropped. No surrogate is white space
   * or dropped, so working on chars gives what jsoup's code points give.
   */
  private static void appendNormalised(StringBuilder out, String text) {
    int n = text.length();
    char[] chars = new char[n];
    text.getChars(0, n, chars, 0);
    boolean stripLeading = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
    boolean lastWasWhite = false;
    boolean reachedNonWhite = false;
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (NodeText.isSpace(c)) {
        boolean kept = !lastWasWhite && (!stripLeading || reachedNonWhite);
        lastWasWhite |= kept;
        if (kept && c == ' ') {
          continue; // a single space between words stays in the run: text is copied a run at a time
        }
        out.append(chars, run, i - run);
        run = i + 1;
        if (kept) {
          out.append(' ');
        }
      } else if (NodeText.isDropped(c)) {
        out.append(chars, run, i - run);
        run = i + 1;
      } else {
        lastWasWhite = false;
        reachedNonWhite = true;
      }
    }
    out.append(chars, run, n - run);
  }
}
