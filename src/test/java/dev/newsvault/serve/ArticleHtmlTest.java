package dev.newsvault.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleHtmlTest {

  @Test
  void theArticleKeepsItsHeadingsListsQuotesTablesAndCode() {
    String html = ArticleHtml.of("Intro with a [link](https://example.org/a).\n\n## Section\n\n1. one\n2. two\n   - nested\n\n"
        + "> quoted\n\n| a | b |\n| --- | --- |\n| c | d |\n\n```\nx = 1\n```");
    assertThat(html).contains("<h2 class=\"article-h2\">Section</h2>", "<ol>", "<li>one</li>", "<ul>",
        "<blockquote>", "<table>", "<td>c</td>", "<pre><code>x = 1",
        "<a rel=\"noopener noreferrer nofollow\" href=\"https://example.org/a\">link</a>");
  }

  @Test
  void imagesAreCaptionedLinksThatThePageNeverLoads() {
    String html = ArticleHtml.of("![The quay at high tide](https://img.example.org/quay.jpg)\n\n![x](javascript:alert(1))\n\n"
        + "![Boats](https://img.example.org/boats.jpg \"The harbour in <May>\")");
    assertThat(html).doesNotContain("<img", "javascript:", "<May>")
        .contains("<a class=\"image-link\" href=\"https://img.example.org/quay.jpg\" rel=\"noopener noreferrer nofollow\">"
            + "[image: The quay at high tide]</a>", "[image: x]", "[image: Boats — The harbour in &lt;May&gt;]");
  }

  @Test
  void htmlAndScriptLinksInTheArchiveAreNeverMarkup() {
    String html = ArticleHtml.of("<script>window.nvPwned=1</script>\n\nText <b onclick=\"x()\">bold</b> "
        + "[click](javascript:alert(1)) <https://evil.example/\"onmouseover=\"x>");
    assertThat(html).doesNotContain("<script", "<b ", "javascript:", "\"onmouseover")
        .contains("&lt;script&gt;");
  }
}
