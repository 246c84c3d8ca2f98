package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown beside the text: each element kind written as CommonMark, and on every fixture page the
 * Markdown read back by a CommonMark parser gives exactly the plain text.
 */
class MarkdownOutputTest {

  private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(ExtractionRules.NONE);

  @Test
  void everyElementKindIsWrittenAsMarkdown() {
    Article a = EXTRACTOR.extract(Fixtures.bytes("markdown/structure.html"), "text/html",
        "https://courier.example.org/2026/library");
    String expected = new String(Fixtures.bytes("markdown/structure.md"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(a.markdown()).isEqualTo(expected.strip());
    assertThat(a.markdown())
        .contains("## What the council weighed", "### The vote", "1. Repair the old building",
            "3. Build a new library", "   - The hill site floods", "| Option | Cost | Ready |",
            "> That is why I vote for the hill.", "```\nfor book in shelf:\n    if book.damaged:",
            "[that decision](https://courier.example.org/council/minutes-2024)",
            "![Empty shelves after the flood](https://courier.example.org/img/shelves.jpg)",
            "1\\. This line only looks like a list item", "\\*C-19\\*", "\\&amp;");
    assertThat(MarkdownText.of(a.markdown())).isEqualTo(a.text());
  }

  static Stream<String> fixturePages() throws IOException, URISyntaxException {
    List<String> pages = new ArrayList<>();
    for (String p : Fixtures.PAGES) {
      pages.add(p + ".html");
    }
    for (String dir : List.of("kinds", "markdown")) {
      Path d = Path.of(MarkdownOutputTest.class.getResource("/extract/" + dir).toURI());
      try (Stream<Path> files = Files.list(d)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted()
            .forEach(n -> pages.add(dir + "/" + n));
      }
    }
    return pages.stream();
  }

  @ParameterizedTest
  @MethodSource("fixturePages")
  void markdownReadsBackAsThePlainText(String page) {
    Article a = EXTRACTOR.extract(Fixtures.bytes(page), "text/html", "https://example.org/" + page);
    assertThat(a.text()).isNotEmpty();
    assertThat(MarkdownText.of(a.markdown())).isEqualTo(a.text());
  }

  private static String markdownOf(String bodyHtml) {
    return MarkdownWriter.write(TextRenderer.render(List.of(Jsoup.parse(bodyHtml, "https://example.org/a").body())));
  }

  private static String textOf(String bodyHtml) {
    List<String> texts = new ArrayList<>();
    for (Block b : TextRenderer.render(List.of(Jsoup.parse(bodyHtml, "https://example.org/a").body()))) {
      texts.add(b.text());
    }
    return String.join("\n\n", texts);
  }

  /** The Markdown of the page's blocks as if the filter had dropped the second. */
  private static String markdownWithoutSecondBlock(String html) {
    List<Block> kept = new ArrayList<>(TextRenderer.render(List.of(Jsoup.parse(html).body())));
    kept.remove(1);
    return MarkdownWriter.write(kept);
  }

  @Test
  void anOrderedListWhoseFirstItemWasDroppedStillStartsAList() {
    String md = markdownWithoutSecondBlock(
        "<p>A paragraph before the list, ending here.</p><ol><li>one</li><li>two</li><li>three</li></ol>");
    assertThat(md).isEqualTo("A paragraph before the list, ending here.\n\n2. two\n3. three");
    assertThat(MarkdownText.of(md)).isEqualTo("A paragraph before the list, ending here.\n\ntwo\n\nthree");
  }

  @Test
  void aNestedItemWhoseParentWasDroppedIsNotIndentedIntoCode() {
    String md = markdownWithoutSecondBlock(
        "<p>Before the list.</p><ul><li>outer<ul><li>inner one</li><li>inner two</li></ul></li></ul>");
    assertThat(MarkdownText.of(md)).isEqualTo("Before the list.\n\ninner one\n\ninner two");
  }

  @Test
  void aListOfAnotherKindAfterAnItemDoesNotJoinItsParagraph() {
    String html = "<ul><li>first bullet</li></ul><ol start=\"4\"><li>fourth</li></ol>";
    assertThat(MarkdownText.of(markdownOf(html))).isEqualTo(textOf(html));
  }

  @Test
  void inlineCodeIsWrittenAsACodeSpanWithItsTextAsIs() {
    String html = "<p>Call <code>fetch()</code> on the <kbd>window</kbd> scope; <code>a*b_c</code> and "
        + "<code>x `y` z</code> stay as written, <code> padded </code> too.</p>"
        + "<h3><code>`start</code> ends with <code>end`</code></h3>"
        + "<p><code><a href=\"https://example.org/api\">linked()</a></code>, <code>a | b</code> and "
        + "<code>one</code><code>two</code> keep their text.</p>"
        + "<pre><code>kept(as, code);</code></pre>";
    String md = markdownOf(html);
    assertThat(md).contains("Call `fetch()` on the `window` scope; `a*b_c` and ``x `y` z`` stay as written,",
        " `padded` too.", "### `` `start `` ends with `` end` ``", "[linked()](https://example.org/api), a \\| b and `one`two",
        "```\nkept(as, code);\n```");
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html));
  }

  @Test
  void anImageKeepsTheCaptionItsTitleGivesOutsideTheText() {
    String html = "<p>Before the picture.</p><p><img src=\"https://img.example.org/quay.jpg\" alt=\"The quay\" "
        + "title=\"High tide, 3 May: \\&quot;the worst\\&quot; | &amp; more\"></p><p>After the picture.</p>"
        + "<p><img src=\"https://img.example.org/boat.jpg\" alt=\"Boat\" title=\"Boat\"> A boat.</p>"
        + "<p><img src=\"https://img.example.org/2010/Leber-venezianisch-mit-Zwiebeln071.jpg\" "
        + "title=\"Leber venezianisch mit Zwiebeln07\"> <img src=\"https://img.example.org/a.jpg\" title=\"IMG_0412\"> "
        + "Two pictures, titled with their file names.</p>"
        + "<p><img src=\"https://img.example.org/s.gif\" alt=\":grr:\" title=\"Grr :grr:\"> A smiley; "
        + "<img src=\"https://img.example.org/moon.jpg\" title=\"宇航员在月球上\"> a caption without spaces.</p>";
    String md = markdownOf(html);
    assertThat(md).contains("![The quay](https://img.example.org/quay.jpg \"High tide, 3 May: \\\\\\\"the worst\\\\\\\" \\| \\& more\")",
        "![Boat](https://img.example.org/boat.jpg) A boat.",
        "![](https://img.example.org/2010/Leber-venezianisch-mit-Zwiebeln071.jpg) ![](https://img.example.org/a.jpg) Two",
        "![:grr:](https://img.example.org/s.gif) A smiley; ![](https://img.example.org/moon.jpg \"宇航员在月球上\") a caption");
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html)).doesNotContain("High tide");
    org.commonmark.node.Node doc = org.commonmark.parser.Parser.builder().build().parse(md);
    assertThat(((org.commonmark.node.Image) doc.getFirstChild().getNext().getFirstChild()).getTitle())
        .isEqualTo("High tide, 3 May: \\\"the worst\\\" | & more");
  }

  @Test
  void aFigureCaptionIsTheImageTitleInTheMarkdownAndStaysOutOfTheText() {
    String html = "<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1>"
        + "<p>The quay is being rebuilt this winter, with new piles, a wider deck and lights along its edge.</p>"
        + "<figure><img src=\"https://img.example.org/quay.jpg\" alt=\"The quay\">"
        + "<figcaption>Divers inspect the old piles. Photo: J. Doe</figcaption></figure>"
        + "<p>The harbour master said the works would end in March, before the ferries' summer timetable.</p>"
        + "</article></body></html>";
    Article a = new ArticleExtractor(ExtractionRules.NONE)
        .extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html", "https://example.org/quay");
    assertThat(a.markdown())
        .contains("![The quay](https://img.example.org/quay.jpg \"Divers inspect the old piles. Photo: J. Doe\")");
    assertThat(a.text()).doesNotContain("Divers inspect");
    assertThat(MarkdownText.of(a.markdown())).isEqualTo(a.text());
  }

  @Test
  void textThatLooksLikeMarkupStaysText() {
    String html = "<p><b>60</b>. Knock knock.</p><p>- not a bullet</p><p>+ nor this</p><p># nor a heading</p>"
        + "<p>&gt; nor a quote</p><p>---</p><p>***</p><p>=</p><p>a &amp;<i>copy;</i> b</p>"
        + "<p>`tick` ~~strike~~ <b>**bold**</b> __under__</p><p>&lt;b&gt;not html&lt;/b&gt; &lt;http://x.org&gt;</p>"
        + "<h2>C# #</h2><p>ends with a backslash \\</p>";
    String md = markdownOf(html);
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html));
    assertThat(md).contains("## C# \\#", "60\\. Knock knock.");
  }

  @Test
  void linksAndImagesPointOnlyToTheWeb() {
    String html = "<p><a href=\"javascript:alert(1)\">click</a> and <a href=\"mailto:a@b.org\">mail</a> and "
        + "<a href=\"/x (1)\">a page</a> <img src=\"data:image/png;base64,AAAA\" alt=\"inline\"> "
        + "<img src=\"/pixel.gif\" width=\"1\" height=\"1\" alt=\"\"> "
        + "<img src=\"/blank.gif\" data-src=\"/real.jpg\" alt=\"lazy\"> "
        + "<img srcset=\"/small.jpg 320w, /big.jpg 1024w\" alt=\"set\"></p>";
    String md = markdownOf(html);
    assertThat(md).doesNotContain("javascript:", "mailto:", "data:", "pixel")
        .contains("[a page](https://example.org/x%20%281%29)", "![lazy](https://example.org/blank.gif)",
            "![set](https://example.org/small.jpg)");
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html));
  }

  @Test
  void aLinkAroundBlocksLinksEachBlock() {
    String html = "<a href=\"/story\"><h3>The headline of the teaser</h3><p>Its summary line.</p></a>";
    String md = markdownOf(html);
    assertThat(md).isEqualTo("### [The headline of the teaser](https://example.org/story)\n\n"
        + "[Its summary line.](https://example.org/story)");
  }

  @Test
  void tablesThatAreNotGridsAreWrittenAsParagraphs() {
    String oneColumn = "<table><tr><td>only one column</td></tr><tr><td>second row</td></tr></table>";
    assertThat(markdownOf(oneColumn)).isEqualTo("only one column\n\nsecond row");
    String withParagraphs = "<table><tr><td><p>a paragraph in a cell</p></td><td>a cell</td></tr></table>";
    assertThat(markdownOf(withParagraphs)).doesNotContain("|");
    String ragged = "<table><tr><th>a</th><th>b</th></tr><tr><td>c | d</td></tr></table>";
    assertThat(markdownOf(ragged)).isEqualTo("| a | b |\n| --- | --- |\n| c \\| d |  |");
    assertThat(MarkdownText.of(markdownOf(ragged))).isEqualTo(textOf(ragged));
  }

  @Test
  void codeThatHoldsAFenceGetsALongerOne() {
    String html = "<pre>use ``` to fence\n  and ```` too</pre>";
    String md = markdownOf(html);
    assertThat(md).startsWith("`````\n");
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html));
  }

  @Test
  void quotesInListsAndListsInQuotesKeepTheirNesting() {
    String html = "<ul><li>item with a quote<blockquote><p>quoted one</p><p>quoted two</p></blockquote></li>"
        + "<li>next</li></ul><blockquote><ol><li>in a quote</li><li>also</li></ol><p>after</p></blockquote>";
    String md = markdownOf(html);
    assertThat(md).contains("- item with a quote\n\n  > quoted one\n  >\n  > quoted two", "> 1. in a quote\n>\n> 2. also");
    assertThat(MarkdownText.of(md)).isEqualTo(textOf(html));
  }

  @Test
  void anArticleBuiltWithoutMarkdownGetsItsTextAsParagraphs() {
    Article a = new Article("https://example.org/a", null, "T", List.of(), null, null, null, null, null, List.of(),
        null, "# not a heading\n\nsecond *paragraph*");
    assertThat(a.markdown()).isEqualTo("\\# not a heading\n\nsecond \\*paragraph\\*");
    assertThat(MarkdownText.of(a.markdown())).isEqualTo(a.text());
  }
}
