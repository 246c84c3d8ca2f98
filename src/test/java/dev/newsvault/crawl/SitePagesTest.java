package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.cli.Main;
import dev.newsvault.demo.DemoSite;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A site's own pages (about, contact, privacy, ...) are archived as pages; stories stay articles. */
class SitePagesTest {

  @TempDir Path dir;

  private static String page(String title, String head, String body) {
    return "<html><head><title>" + title + "</title>" + head + "</head><body><main><h1>" + title + "</h1><p>"
        + body + "</p></main></body></html>";
  }

  @ParameterizedTest(name = "{0} {1}: site page {3}")
  @CsvSource(delimiter = '|', value = {
      "http://n.test/about.html | About us – The Gazette | | true",
      "http://n.test/contact-us/ | Get in touch | | true",
      "http://n.test/info/impressum | Impressum | | true",
      "http://n.test/page/17 | Privacy policy · The Gazette | | true",
      "http://n.test/legal/terms-of-service | Terms | | true",
      // the same names with a sign of a story: a date, a byline, an article type
      "http://n.test/about.html | About us | <meta property='og:type' content='article'> | false",
      "http://n.test/contact | Contact | <meta property='article:published_time' content='2026-01-02'> | false",
      "http://n.test/privacy | Privacy | <meta name='author' content='Ann Lee'> | false",
      "http://n.test/help | Help | <script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script> | false",
      // stories whose words only mention the names
      "http://n.test/2026/01/privacy-fine-for-council | Council fined over privacy breach | | false",
      "http://n.test/news/about-town | About town: the week in pictures | | false"})
  void aPageNamingItselfASitePageWithoutStorySignsIsNotAStory(String url, String title, String head,
      boolean sitePage) {
    String html = page(title, head == null ? "" : head, "Text of the page. ".repeat(60));
    assertThat(SitePages.isSitePage(Jsoup.parse(html, url), url)).isEqualTo(sitePage);
  }

  @Test
  void theDemoSitesAboutAndContactPagesAreSitePagesAndItsStoriesAreNot() throws Exception {
    try (DemoSite site = DemoSite.start()) {
      for (String path : new String[] {"/about.html", "/contact.html"}) {
        String url = site.baseUrl().resolve(path).toString();
        assertThat(SitePages.isSitePage(Jsoup.parse(fetch(site, path), url), url)).as(path).isTrue();
      }
      for (String path : site.articlePaths()) {
        String url = site.baseUrl().resolve(path).toString();
        assertThat(SitePages.isSitePage(Jsoup.parse(fetch(site, path), url), url)).as(path).isFalse();
      }
    }
  }

  @Test
  void aCrawlArchivesAboutAndContactAsPagesNotArticles() throws Exception {
    try (DemoSite site = DemoSite.start()) {
      Path seeds = Files.writeString(dir.resolve("pages.txt"),
          site.baseUrl().resolve("/sitemap-pages.xml") + "\ttype=sitemap\n");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"crawl", "--db", dir.resolve("a.db").toString(), "--set",
          "seeds=" + seeds, "--set", "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("work"),
          "--set", "max.depth=0", "--set", "fetch.allow.private=true"},
          new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(code).as(err.toString()).isZero();
      try (Archive a = Archive.openReadOnly(dir.resolve("a.db"))) {
        for (String path : new String[] {"/about.html", "/contact.html"}) {
          String url = site.baseUrl().resolve(path).toString();
          assertThat(a.reader().article(url)).as(path).isEmpty();
        }
        assertThat(a.reader().stats().fetches()).isGreaterThanOrEqualTo(7);
      }
    }
  }

  private static String fetch(DemoSite site, String path) throws Exception {
    try (InputStream in = site.baseUrl().resolve(path).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
