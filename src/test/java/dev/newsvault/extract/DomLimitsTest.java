package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DomLimitsTest {

  /** {@code levels} nested divs, each with a word of text before its child: about 10 bytes a level. */
  static String nested(int levels) {
    StringBuilder b = new StringBuilder(levels * 20).append("<html><head><title>Deep</title></head><body>");
    for (int i = 0; i < levels; i++) {
      b.append("<div>w").append(i).append(' ');
    }
    b.append("<br>end");
    for (int i = 0; i < levels; i++) {
      b.append("</div>");
    }
    return b.append("</body></html>").toString();
  }

  private static int depth(Document doc) {
    int max = 0;
    for (Element e : doc.getAllElements()) {
      int d = 0;
      for (Element p = e.parent(); p != null; p = p.parent()) {
        d++;
      }
      max = Math.max(max, d);
    }
    return max;
  }

  @Test
  void aPageNestedDeeperThanTheLimitIsFlattenedKeepingItsTextInOrder() {
    Document doc = Jsoup.parse(nested(1000));
    String before = doc.text();

    int unwrapped = DomLimits.capDepth(doc);

    assertThat(unwrapped).isPositive();
    assertThat(depth(doc)).isLessThanOrEqualTo(DomLimits.MAX_DEPTH + 1);
    assertThat(doc.text().replace(" ", "")).isEqualTo(before.replace(" ", ""));
    assertThat(doc.select("br")).hasSize(1);
  }

  @Test
  void aNormalPageIsLeftExactlyAsItWas() {
    String html = "<html><body><article><h1>Title</h1><div><p>One <b>two</b></p><p>three</p></div></article>"
        + "<footer><a href=\"/x\">x</a></footer></body></html>";
    Document doc = Jsoup.parse(html);
    String before = doc.outerHtml();
    assertThat(DomLimits.capDepth(doc)).isZero();
    assertThat(doc.outerHtml()).isEqualTo(before);
  }

  @Test
  void aDocumentJustAtTheLimitIsNotTouched() {
    Document doc = Jsoup.parse(nested(200));
    String before = doc.outerHtml();
    assertThat(DomLimits.capDepth(doc)).isZero();
    assertThat(doc.outerHtml()).isEqualTo(before);
  }

  @Test
  void extractingAHundredThousandNestedDivsEndsAndYieldsTheirText() {
    byte[] page = nested(100_000).getBytes(StandardCharsets.UTF_8);
    assertThat(page.length).isGreaterThan(1_000_000);
    // Before the depth cap this ran for many minutes; the bound is far above what it takes now.
    Article a = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> new ArticleExtractor(ExtractionRules.NONE).extract(page, "text/html", "https://example.org/deep"));
    assertThat(a.title()).isEqualTo("Deep");
  }
}
