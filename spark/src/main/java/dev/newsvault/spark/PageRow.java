package dev.newsvault.spark;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.Words;
import dev.newsvault.archive.Categories;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One article capture as the job carries it between stages: what the archive would hold in its fetch and
 * article_version rows, plus its place in the input (file, record) that stands in for the archive's insertion
 * order.
 */
record PageRow(String url, String host, long order, String fetchedAt, int status, String contentType,
    String rawSha256, String title, ArrayList<String> authors, String published, String modified, String siteName,
    String language, String description, ArrayList<String> tags, String imageUrl, String canonicalUrl, String text,
    String textSha256, String metaSha256, int wordCount, String languageDetected, ArrayList<String> categories,
    String dateSource, String modifiedSource, String markdown)
    implements Serializable {

  /** Records per file the order key leaves room for: 2^32. */
  static long order(int fileIndex, long record) {
    return ((long) fileIndex << 32) | record;
  }

  static PageRow of(Capture c, Article a, long order) {
    return new PageRow(c.finalUrl(), host(c.finalUrl()), order, c.fetchedAt().toString(), c.status(),
        c.contentType(), ContentHash.of(c.body()).toString(), a.title(), new ArrayList<>(a.authors()), a.published(),
        a.modified(), a.siteName(), a.language(), a.description(), new ArrayList<>(a.tags()), a.imageUrl(),
        a.canonicalUrl(), a.text(), ContentHash.ofText(a.text()).toString(),
        // the archive's meta hash (title and byline), as its capture store computes it
        ContentHash.ofText((a.title() == null ? "" : a.title()) + "\n" + String.join("; ", a.authors())).toString(),
        Words.count(a.text()), a.languageDetected(),
        // the sections the page declares, read from its bytes as the export reads them from the archived page
        new ArrayList<>(Categories.of(c.body(), c.contentType())), a.dateSource(), a.modifiedSource(),
        a.markdown());
  }

  /** Same text, title and byline: the archive would not make a new version. */
  boolean sameVersionAs(PageRow o) {
    return textSha256.equals(o.textSha256) && metaSha256.equals(o.metaSha256);
  }

  List<String> authorList() {
    return authors;
  }

  private static String host(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
