package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders containers into paragraph blocks: every block-level element and every {@code <br>} ends
 * a paragraph, whitespace collapses as a browser would, and link text is counted per block. Beside each
 * block's text it writes the block's {@link Markup} (inline Markdown, containers, heading level, table cell)
 * from the same walk, so the Markdown can never hold other words than the text.
 */
final class TextRenderer {

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li",
          "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "h1", "h2", "h3", "h4", "h5",
          "h6", "figure", "address", "hr", "br", "center", "details", "summary", "form", "fieldset",
          "caption", "body", "html");

  private TextRenderer() {}

  static List<Block> render(List<Element> roots) {
    Visitor v = new Visitor();
    for (Element root : roots) {
      NodeTraversor.traverse(v, root);
      v.flush();
    }
    return v.blocks;
  }

  /**
   * Text in Unicode's composed form (NFC), as the web's own specifications ask of text: a page may write "য়" as
   * one code point or as two, and searches, exports and comparisons should not care which.
   */
  static String nfc(String s) {
    // Below U+0300 every character is composed already (no combining marks, no composition exclusions): most
    // text nodes of most pages are answered by this loop alone.
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u0300') {
        return java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFC) ? s
            : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
      }
    }
    return s;
  }

  private static final class Visitor implements NodeVisitor {
    final List<Block> blocks = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int linkChars;
    int letters;
    int linkDepth;
    final List<Element> open = new ArrayList<>();
    final Map<Element, Integer> listIds = new IdentityHashMap<>();
    /** The block's inline Markdown, written beside {@link #text}. */
    final StringBuilder md = new StringBuilder();
    /** The block's text as it stands inside a {@code <pre>}, line breaks kept. */
    final StringBuilder raw = new StringBuilder();
    /** Images that stood in a block without text: they go before the next block. */
    String pendingImages = "";
    int inPre;
    /** Where the open link starts in {@link #md} and in {@link #text}, and where it points (null: not a link). */
    int linkMd;
    int linkText;
    String linkHref;
    final Map<Element, Integer> ids = new IdentityHashMap<>();
    final Map<Element, String> markers = new IdentityHashMap<>();
    /** Open inline code elements, and where the outermost starts in {@link #md} and {@link #text}. */
    int codeDepth;
    int codeMd;
    int codeText;
    /** Set when the open code span holds a link or an image: it is then left as plain text. */
    boolean codeSpoiled;
    /** Set after an image: the next word is set apart from it in the Markdown (the text has no image to set apart). */
    boolean spaceAfterImage;
    /** The text node being appended, as chars. */
    char[] chars = new char[256];

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        append(nfc(t.getWholeText()));
      } else if (node instanceof Element el) {
        if (BLOCK_TAGS.contains(el.normalName())) {
          flush();
          open.add(el);
          if (el.nameIs("pre")) {
            inPre++;
          }
        }
        if (el.nameIs("a")) {
          codeSpoiled |= codeDepth > 0;
          if (linkDepth++ == 0) {
            openLink(MarkdownImages.linkTarget(el));
          }
        } else if (el.nameIs("img")) {
          codeSpoiled |= codeDepth > 0;
          if (text.length() > 0) {
            append(" ");
          }
          String image = MarkdownImages.image(el);
          if (spaceAfterImage && !image.isEmpty() && md.charAt(md.length() - 1) != ' ') {
            md.append(' ');
          }
          md.append(image);
          spaceAfterImage = !image.isEmpty();
        } else if (isCode(el) && inPre == 0 && codeDepth++ == 0) {
          startCode();
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (BLOCK_TAGS.contains(el.normalName())) {
          flush();
          open.remove(open.size() - 1);
          if (el.nameIs("pre")) {
            inPre--;
          }
        } else if (el.nameIs("a") && --linkDepth == 0) {
          closeLink();
        } else if (isCode(el) && inPre == 0 && codeDepth > 0 && --codeDepth == 0) {
          closeCode();
        }
      }
    }

    /** Inline code: written as a code span, so a reader sees {@code fetch()} as code, not as prose. */
    private static boolean isCode(Element el) {
      return el.nameIs("code") || el.nameIs("kbd") || el.nameIs("samp") || el.nameIs("tt");
    }

    private void startCode() {
      codeMd = md.length();
      codeText = text.length();
      codeSpoiled = false;
    }

    /**
     * Writes what the open code element added to the block as a code span: its text as is (no escapes, a fence of
     * more backticks than it holds), the white space at its ends outside the fence. Left as escaped text when it
     * holds a link, an image or a table's pipe, or when a code span just before would join its fence.
     */
    private void closeCode() {
      String t = text.substring(Math.min(codeText, text.length()));
      String core = t.strip();
      boolean joins = codeMd > 0 && md.charAt(codeMd - 1) == '`' && (codeMd < 2 || md.charAt(codeMd - 2) != '\\');
      if (codeSpoiled || core.isEmpty() || core.indexOf('|') >= 0 || joins) {
        return;
      }
      String fence = "`".repeat(MarkdownWriter.longestRun(core, '`') + 1);
      String pad = core.startsWith("`") || core.endsWith("`") ? " " : "";
      md.setLength(codeMd);
      md.append(t.startsWith(" ") ? " " : "").append(fence).append(pad).append(core).append(pad).append(fence)
          .append(t.endsWith(" ") ? " " : "");
    }

    /** Appends text with its white space collapsed; words, and runs of them, are copied whole. */
    private void append(String s) {
      if (inPre > 0) {
        raw.append(s);
      }
      int n = s.length();
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      char[] cs = chars; // read from an array: a string's charAt is a call in these loops under shallow inlining
      s.getChars(0, n, cs, 0);
      int i = 0;
      while (i < n) {
        if (isSpace(cs[i])) {
          if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
            md.append(' ');
          }
          i++;
          continue;
        }
        // A run of words with single spaces between them is copied whole: the spaces are what collapsing white
        // space would write there.
        int start = i;
        int spaces = 0;
        boolean mayEscape = false;
        while (true) {
          while (i < n && !isSpace(cs[i])) {
            mayEscape |= MarkdownEscape.mayEscape(cs[i]);
            i++;
          }
          if (i + 1 < n && cs[i] == ' ' && !isSpace(cs[i + 1])) {
            i++;
            spaces++;
          } else {
            break;
          }
        }
        if (spaceAfterImage && md.length() > 0 && md.charAt(md.length() - 1) != ' ') {
          md.append(' ');
        }
        spaceAfterImage = false;
        if (mayEscape) {
          appendEscaped(s, cs, start, i);
        } else {
          md.append(cs, start, i - start); // words with no character to escape are their own Markdown
        }
        text.append(cs, start, i - start);
        letters += i - start - spaces;
        if (linkDepth > 0) {
          linkChars += i - start - spaces;
        }
      }
    }

    /** Writes the Markdown of words with single spaces between them, each word escaped as a run of its own. */
    private void appendEscaped(String s, char[] cs, int start, int end) {
      int word = start;
      for (int j = start; j <= end; j++) {
        if (j == end || cs[j] == ' ') {
          if (word > start) {
            md.append(' ');
          }
          MarkdownEscape.appendInline(md, s, word, j);
          word = j + 1;
        }
      }
    }

    private void openLink(String href) {
      codeSpoiled |= codeDepth > 0;
      linkHref = href;
      linkMd = md.length();
      linkText = text.length();
    }

    /** Wraps what the open link added to the block in {@code [...](href)}, if it added any text. */
    private void closeLink() {
      codeSpoiled |= codeDepth > 0;
      boolean words = text.length() > linkText && !(text.length() == linkText + 1 && text.charAt(linkText) == ' ');
      if (linkHref != null && words) {
        md.insert(linkMd, '[').append("](").append(MarkdownEscape.destination(linkHref)).append(')');
      }
      linkHref = null;
    }

    static boolean isSpace(char c) {
      return Chars.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
    }

    void flush() {
      if (codeDepth > 0 && inPre == 0) {
        closeCode(); // a block element inside the code: each block gets its own span
      }
      String href = linkDepth > 0 ? linkHref : null;
      if (href != null) {
        closeLink(); // a block element inside a link: each block gets its own link
      }
      int end = text.length();
      if (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      if (end > 0) {
        Block.Kind kind = kind();
        Markup markup = new Markup(MarkdownEscape.lineStart(md.toString().strip()), pendingImages, inPre > 0 ? code() : null, path(),
            kind == Block.Kind.HEADING ? headingLevel() : 0, kind == Block.Kind.CELL ? cell() : null);
        pendingImages = "";
        blocks.add(new Block(text.substring(0, end), linkChars, kind, letters, currentList(), markup));
      } else if (!md.toString().isBlank()) {
        pendingImages = (pendingImages + " " + md.toString().strip()).strip();
      }
      text.setLength(0);
      md.setLength(0);
      spaceAfterImage = false;
      raw.setLength(0);
      linkChars = 0;
      letters = 0;
      if (href != null) {
        openLink(href);
      }
      if (codeDepth > 0) {
        startCode();
        codeSpoiled = href != null;
      }
    }

    /** The preformatted text, from its first line with words to its last. */
    private String code() {
      int start = 0;
      for (int i = 0; i < raw.length() && isSpace(raw.charAt(i)); i++) {
        if (raw.charAt(i) == '\n') {
          start = i + 1;
        }
      }
      return raw.substring(start).stripTrailing();
    }

    private int id(Element e) {
      return ids.computeIfAbsent(e, k -> ids.size() + 1);
    }

    /** The block quotes and list items the block sits in, outermost first. */
    private List<Markup.Container> path() {
      List<Markup.Container> path = null;
      for (Element e : open) {
        String marker = e.nameIs("blockquote") ? "> " : e.nameIs("li") ? markers.computeIfAbsent(e, Visitor::marker) : null;
        if (marker != null) {
          if (path == null) {
            path = new ArrayList<>(2);
          }
          path.add(new Markup.Container(id(e), marker));
        }
      }
      return path == null ? List.of() : path;
    }

    /** "- " for an item of an unordered list, its number and ". " in an ordered one. */
    private static String marker(Element li) {
      Element list = li.parent();
      if (list == null || !list.nameIs("ol")) {
        return "- ";
      }
      long n = 1;
      try {
        n = Long.parseLong(list.attr("start").trim());
      } catch (NumberFormatException e) {
        // no or no valid start: count from 1
      }
      for (Element sib = li.previousElementSibling(); sib != null; sib = sib.previousElementSibling()) {
        if (sib.nameIs("li")) {
          n++;
        }
      }
      return Math.max(0, Math.min(n, 999_999_999)) + ". ";
    }

    private int headingLevel() {
      for (int i = open.size() - 1; i >= 0; i--) {
        String name = open.get(i).normalName();
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
          return name.charAt(1) - '0';
        }
      }
      return 0;
    }

    private Markup.Cell cell() {
      Element cell = null;
      Element row = null;
      for (int i = open.size() - 1; i >= 0; i--) {
        Element e = open.get(i);
        if (cell == null && (e.nameIs("td") || e.nameIs("th"))) {
          cell = e;
        } else if (cell != null && row == null && e.nameIs("tr")) {
          row = e;
        } else if (row != null && e.nameIs("table")) {
          return new Markup.Cell(id(e), id(row), id(cell), cell.nameIs("th"));
        }
      }
      return null;
    }

    private int currentList() {
      for (int i = open.size() - 1; i >= 0; i--) {
        Element e = open.get(i);
        if (e.nameIs("ul") || e.nameIs("ol") || e.nameIs("dl")) {
          return listIds.computeIfAbsent(e, k -> listIds.size() + 1);
        }
      }
      return 0;
    }

    private Block.Kind kind() {
      for (int i = open.size() - 1; i >= 0; i--) {
        switch (open.get(i).normalName()) {
          case "h1", "h2", "h3", "h4", "h5", "h6" -> {
            return Block.Kind.HEADING;
          }
          case "li", "dd", "dt" -> {
            return Block.Kind.LIST_ITEM;
          }
          case "blockquote" -> {
            return Block.Kind.QUOTE;
          }
          case "td", "th" -> {
            return Block.Kind.CELL;
          }
          case "p" -> {
            return Block.Kind.PARAGRAPH;
          }
          default -> { }
        }
      }
      return Block.Kind.PARAGRAPH;
    }
  }
}
