package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * The text of a Markdown document as a CommonMark parser reads it: the text of each paragraph, heading, code
 * block and table cell, images left out (their alt text describes a picture, it is not article text), spaces
 * collapsed, blocks joined by a blank line. This is what the plain text of an article must equal.
 */
public final class MarkdownText {

  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private MarkdownText() {}

  public static String of(String markdown) {
    List<String> blocks = new ArrayList<>();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Paragraph p) {
        add(p);
      }

      @Override
      public void visit(Heading h) {
        add(h);
      }

      @Override
      public void visit(FencedCodeBlock c) {
        blocks.add(collapseAll(c.getLiteral()));
      }

      @Override
      public void visit(IndentedCodeBlock c) {
        blocks.add("<indented code: " + c.getLiteral() + ">"); // never written: code is fenced
      }

      @Override
      public void visit(HtmlBlock h) {
        blocks.add("<html: " + h.getLiteral() + ">"); // never written: '<' is escaped
      }

      @Override
      public void visit(ThematicBreak t) {
        blocks.add("<rule>"); // never written
      }

      @Override
      public void visitChildren(Node node) {
        if (node instanceof TableCell) {
          add(node);
          return;
        }
        super.visitChildren(node);
      }

      private void add(Node block) {
        StringBuilder sb = new StringBuilder();
        inline(block, sb);
        blocks.add(sb.toString().replaceAll(" {2,}", " ").strip());
      }
    });
    blocks.removeIf(String::isEmpty);
    return String.join("\n\n", blocks);
  }

  private static void inline(Node parent, StringBuilder sb) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        sb.append(' ');
      } else if (n instanceof HtmlInline h) {
        sb.append("<inline html: ").append(h.getLiteral()).append('>'); // never written
      } else if (!(n instanceof Image)) {
        inline(n, sb);
      }
    }
  }

  /** Preformatted text collapsed as the plain text collapses it. */
  private static String collapseAll(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
      if (!space) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    return sb.toString().strip();
  }
}
