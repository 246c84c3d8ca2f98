package dev.newsvault.archive;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import java.util.Optional;

/**
 * Tells an upgrade from an edit. A newer extractor may give another text for the same page; before a page is
 * stored as a new version (and people are told it changed), the page the current version was extracted from is
 * extracted again with today's extractor: when that gives the text, title and byline the page gives now, the
 * page has not changed, only newsvault has. Costs one extraction of a stored page, only when the hashes differ.
 */
public final class ArchivedExtraction {

  private final CheckQueries queries;
  private final ArticleExtractor extractor;

  public ArchivedExtraction(Archive archive, ArticleExtractor extractor) {
    this.queries = new CheckQueries(archive);
    this.extractor = extractor;
  }

  /**
   * Whether version {@code version} of the article, extracted again from its stored page, has the text hash
   * {@code textSha} and title-and-byline hash {@code metaSha}. False when that page was not kept (an import of
   * text alone, an older archive): the stored hashes then decide, as they always did.
   */
  public boolean explains(long articleId, int version, String textSha, String metaSha) throws ArchiveException {
    Optional<CheckQueries.SourcePage> page = queries.sourcePage(articleId, version);
    if (page.isEmpty()) {
      return false;
    }
    Article again = extractor.extract(page.get().body(), page.get().contentType(), page.get().url());
    return !again.text().isBlank() && ContentHash.ofText(again.text()).toString().equals(textSha)
        && ContentHash.ofMeta(again.title(), again.authors()).toString().equals(metaSha);
  }
}
