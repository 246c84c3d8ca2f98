package dev.newsvault.warc;

import dev.newsvault.archive.Words;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.fetch.Capture;

/** The article of a captured page, decided as the crawl decides it: extracted text of at least min words. */
public final class PageArticle {

  private PageArticle() {}

  /** The article, or null when the page holds none (section fronts, short pages). */
  public static Article of(ArticleExtractor extractor, Capture c, int minWords) {
    Article a = extractor.extract(c.body(), c.contentType(), c.finalUrl());
    return a != null && Words.atLeast(a.text(), minWords) ? a : null;
  }
}
