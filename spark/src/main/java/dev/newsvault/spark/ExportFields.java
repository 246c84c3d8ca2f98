package dev.newsvault.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.ExportRow;
import dev.newsvault.export.ArticleFields;
import dev.newsvault.export.ExportRecord;
import java.util.List;
import java.util.Map;

/**
 * The job's records in {@code newsvault export}'s own definition ({@link ArticleFields}): a version is put in the
 * shape the export reads from the archive, and the export's field list turns it into the record. The only place
 * in the job that knows that shape.
 */
final class ExportFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportFields() {}

  static List<String> names(boolean withCluster) {
    return ArticleFields.names(withCluster);
  }

  /** One JSON line, as {@code export --format jsonl} writes it. */
  static String json(VersionRow v, Long cluster, boolean withCluster) {
    PageRow p = v.page();
    // versionId and articleId are archive row ids; the job's input order stands in for the version id. A WARC
    // has no feed title and no later state than live: those fields are null or live.
    ExportRow row = new ExportRow(v.order(), 0, v.version(), p.url(), p.host(), p.canonicalUrl(), p.textSha256(),
        p.title(), p.authorList(), p.published(), p.modified(), p.fetchedAt(), p.siteName(), p.language(),
        p.description(), p.tags(), p.imageUrl(), p.text(), p.wordCount(), p.status(), p.contentType(), Map.of(),
        p.rawSha256(), null, p.url(), v.firstSeen(), v.lastSeen(), "live", v.changeKind(), p.languageDetected(),
        p.dateSource(), p.modifiedSource(), p.markdown(), p.categories(), null);
    Map<String, Object> fields = ArticleFields.of(new ExportRecord(row, cluster), withCluster);
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + p.url() + " as JSON", e);
    }
  }
}
