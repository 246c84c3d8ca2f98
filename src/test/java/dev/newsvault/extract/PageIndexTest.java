package dev.newsvault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class PageIndexTest {

  /** Markup in the ways pages write it: upper case, spaces, repeats, the same names on other tags. */
  private static final String PAGE = """
      <!doctype html><html lang="de"><head>
      <META NAME="description" content="Kurz">
      <meta property="OG:TYPE" content="article"><meta property="og:type" content="website">
      <meta itemprop="author" content="Meta Autor">
      <link REL="Canonical" href="/a"><link rel="canonical" href="/b">
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script TYPE=" Application/LD+JSON ">{"@type":"WebSite"}</script>
      <script>var x = "<h1>not a heading</h1>";</script>
      </head><body>
      <div class="Author-Name">Anna</div><span class="byline-name extra">Ben</span>
      <span class="author-names">not one</span><b class="x-name">nor this</b>
      <a rel="author" href="/c">Carla</a><a rel="nofollow author">Dora</a><p rel="author">Eva</p>
      <span itemprop=" author ">Frank</span><span ITEMPROP="Author">Gina</span>
      <time pubdate>kein Datum</time><article><time datetime="2024-05-01">1. Mai</time></article>
      <time datetime="2024-04-01">1. April</time>
      <h2>Vorspann</h2><h1>Titel</h1><h1>Zweiter</h1>
      <em itemprop="datePublished" content="2024-05-01">x</em><i itemprop="dateModified">2024-05-02</i>
      <small>Veröffentlicht am 1. Mai 2024</small>
      </body></html>""";

  @Test
  void findsWhatTheSelectorsFindInPageOrder() {
    Document doc = Jsoup.parse(PAGE, "https://example.org/");
    PageIndex index = PageIndex.of(doc);

    assertThat(index.metas).containsExactlyElementsOf(doc.getElementsByTag("meta"));
    assertThat(index.ldScripts).containsExactlyElementsOf(doc.select(PageIndex.LD_JSON));
    assertThat(index.authors).containsExactlyElementsOf(doc.select(PageIndex.AUTHOR));
    assertThat(index.authorLinks).containsExactlyElementsOf(doc.select(PageIndex.AUTHOR_LINK));
    assertThat(index.h1).isSameAs(doc.selectFirst("h1"));
    assertThat(index.canonical).isSameAs(doc.selectFirst("link[rel=canonical]"));
    assertThat(index.ogType).isSameAs(doc.selectFirst("meta[property=og:type]"));
    assertThat(index.datePublished).isSameAs(doc.selectFirst("[itemprop=datePublished]"));
    assertThat(index.dateModified).isSameAs(doc.selectFirst("[itemprop=dateModified]"));
    assertThat(index.time)
        .isSameAs(doc.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]"));
    assertThat(index.dateLineCandidates).containsExactlyElementsOf(doc.select("p, span, div, small, em, time"));

    // and the page really has each kind, so none of the above passes by finding nothing twice
    assertThat(index.metas).hasSize(4);
    assertThat(index.ldScripts).hasSize(1); // jsoup does not take the padded, upper-case type
    assertThat(index.authors).extracting(e -> e.attr("content").isEmpty() ? e.text() : e.attr("content"))
        .containsExactly("Meta Autor", "Gina"); // " author " is not author to jsoup
    assertThat(index.authorLinks).extracting(Element::text).containsExactly("Anna", "Ben", "Carla"); // not "nofollow author"
    assertThat(index.h1.text()).isEqualTo("Titel");
    assertThat(index.canonical.attr("href")).isEqualTo("/a");
    assertThat(index.time.attr("datetime")).isEqualTo("2024-05-01");
  }

  @Test
  void keepsOnlyTheFirstDateLineCandidates() {
    Document doc = Jsoup.parse("<p>x</p>".repeat(PageIndex.DATE_LINE_CANDIDATES + 50));
    List<Element> all = new Elements(doc.select("p"));
    assertThat(PageIndex.of(doc).dateLineCandidates)
        .containsExactlyElementsOf(all.subList(0, PageIndex.DATE_LINE_CANDIDATES));
  }

  @Test
  void aPageWithoutAnyOfThemGivesAnEmptyIndex() {
    PageIndex index = PageIndex.of(Jsoup.parse("<ul><li><b>Only a list</b></ul>"));
    assertThat(index.metas).isEmpty();
    assertThat(index.ldScripts).isEmpty();
    assertThat(index.authors).isEmpty();
    assertThat(index.authorLinks).isEmpty();
    assertThat(index.dateLineCandidates).isEmpty();
    assertThat(index.h1).isNull();
    assertThat(index.time).isNull();
  }
}
