package dev.newsvault.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Article versions as Markdown documents, one after another in one stream (standard output): each is a YAML
 * front matter block with the record's fields, then the article's Markdown. The same document is what a
 * Markdown export directory holds per file.
 */
final class MarkdownStreamWriter implements RecordWriter {

  private final Writer out;

  MarkdownStreamWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    out.write(document(r));
  }

  /**
   * Front matter with every export field but the text and the Markdown (the body), nulls left out, then the
   * body. The title stays in the front matter: the Markdown, like the text, starts after the headline.
   */
  static String document(ExportRecord r) {
    Map<String, Object> fields = ArticleFields.of(r, r.nearDupCluster() != null);
    fields.remove("maintext");
    fields.remove("markdown");
    return FrontMatter.document(fields, r.row().markdown());
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
