package dev.newsvault.archive;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;

/**
 * What storing a capture costs in CPU before any SQL runs: the raw page's SHA-256 and its gzip, the article's
 * text and metadata hashes. Computed ahead, on the thread that extracted the article, so the one thread that
 * writes the archive only writes ({@code newsvault import} extracts on every core but stores on one).
 *
 * @param rawSha the raw page's hash, or null without a body
 * @param rawGzip the raw page gzipped as {@code raw_page.body_gzip} holds it, or null without a body
 * @param textSha the article's text hash ({@link ContentHash#ofText}), or null without an article
 * @param metaSha the hash of title and byline, or null without an article
 */
public record CaptureDigests(String rawSha, byte[] rawGzip, String textSha, String metaSha) {

  /** Everything {@link Archive#store} would compute for this capture and article (null for none). */
  public static CaptureDigests of(Capture c, Article a) {
    boolean body = c.body() != null;
    boolean article = a != null && a.text() != null;
    return new CaptureDigests(body ? ContentHash.of(c.body()).toString() : null,
        body ? CaptureStore.gzip(c.body()) : null, article ? ContentHash.ofText(a.text()).toString() : null,
        article ? CaptureStore.metaSha(a) : null);
  }
}
