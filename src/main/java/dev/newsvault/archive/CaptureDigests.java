package dev.newsvault.archive;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.MarkdownWriter;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;

/**
 * What storing a capture costs in CPU before any SQL runs: the raw page's SHA-256 and its gzip, the article's
 * text and metadata hashes, and the fields an export writes that are derived from the page or the text (its
 * declared sections, the text's SimHash), stored so that no export recomputes them. Computed ahead, on the thread
 * that extracted the article, so the one thread that writes the archive only writes ({@code newsvault import}
 * extracts on every core but stores on one).
 *
 * @param rawSha the raw page's hash, or null without a body
 * @param rawGzip the raw page gzipped as {@code raw_page.body_gzip} holds it, or null without a body
 * @param textSha the article's text hash ({@link ContentHash#ofText}), or null without an article
 * @param metaSha the hash of title and byline, or null without an article
 * @param categoriesJson the sections the page declares ({@link Categories}) as a JSON list, or null without an
 *     article
 * @param simhash the text's {@link SimHash}, or null without an article
 * @param markdown the article's Markdown as {@code article_version.markdown} holds it: null when it is only the
 *     text's paragraphs, which every reader of the archive writes from the text itself ({@link #storedMarkdown})
 */
public record CaptureDigests(String rawSha, byte[] rawGzip, String textSha, String metaSha, String categoriesJson,
    Long simhash, String markdown) {

  /** Everything {@link Archive#store} would compute for this capture and article (null for none). */
  public static CaptureDigests of(Capture c, Article a) {
    return of(c, a, true);
  }

  /**
   * As {@link #of(Capture, Article)}; without {@code gzip} the raw page is left uncompressed ({@code rawGzip}
   * null) for the store to compress only when the archive does not hold that body yet.
   */
  public static CaptureDigests of(Capture c, Article a, boolean gzip) {
    boolean body = c.body() != null;
    if (a == null || a.text() == null) {
      return new CaptureDigests(body ? ContentHash.of(c.body()).toString() : null,
          body && gzip ? CaptureStore.gzip(c.body()) : null, null, null, null, null, null);
    }
    // The text hash folds the text without its volatile pieces, the SimHash the whole text: nearly always the
    // same text, folded once.
    String text = a.text();
    String stripped = VolatileSegments.strip(text);
    String whole = ContentHash.normalize(text);
    String hashed = stripped.equals(text) ? whole : ContentHash.normalize(stripped);
    return new CaptureDigests(body ? ContentHash.of(c.body()).toString() : null,
        body && gzip ? CaptureStore.gzip(c.body()) : null,
        ContentHash.of(hashed.getBytes(StandardCharsets.UTF_8)).toString(), CaptureStore.metaSha(a),
        categoriesJson(c.body(), c.contentType()), SimHash.ofNormalized(whole), storedMarkdown(a));
  }

  /**
   * The Markdown as the archive keeps it: null when it is the text's paragraphs and nothing more (no heading, list,
   * link or escape), as for a version archived before Markdown was kept; every reader writes that Markdown from the
   * text ({@link VersionRecord}, {@link ExportRow}). Plain stories then do not hold their text twice.
   */
  static String storedMarkdown(Article a) {
    String markdown = a.markdown();
    if (markdown == null || markdown.length() < a.text().length()) {
      return markdown; // escapes only add to the text: shorter Markdown cannot be its paragraphs
    }
    return MarkdownWriter.isParagraphs(markdown, a.text()) ? null : markdown;
  }

  /** The sections a raw page declares as the JSON list {@code article_version.categories_json} holds. */
  static String categoriesJson(byte[] rawPage, String contentType) {
    return CaptureStore.json(Categories.of(rawPage, contentType));
  }
}
