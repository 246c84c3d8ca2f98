package dev.newsvault.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsvault.archive.ExportRow;
import dev.newsvault.archive.Timestamps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netpreserve.jwarc.WarcDigest;

/**
 * The one definition of an exported article record: its fields, in a fixed order, with their types and
 * values. JSONL, CSV and the WARC metadata record (and any later columnar format) all write these. news-please's
 * names come first (url, source_domain, title, authors, date_publish, date_modify, date_download, maintext,
 * language, description, image_url), then newsvault's own; new fields are added at the end so that CSV columns
 * keep their positions. The README's field table documents each.
 */
public final class ArticleFields {

  /** A field's type as a columnar format would declare it; every field may be null except lists. */
  public enum Type { STRING, INTEGER, LONG, STRING_LIST }

  /** One field: its name, its type and how its value is read from a record. */
  public record Field(String name, Type type, Function<ExportRecord, Object> value) {}

  public static final List<Field> FIELDS = List.of(
      field("url", Type.STRING, ExportRow::url),
      field("source_domain", Type.STRING, ExportRow::host),
      field("title", Type.STRING, ExportRow::title),
      field("authors", Type.STRING_LIST, ExportRow::authors),
      field("date_publish", Type.STRING, ExportRow::published),
      field("date_modify", Type.STRING, ExportRow::modified),
      field("date_download", Type.STRING, v -> Timestamps.seconds(v.fetchedAt())),
      field("maintext", Type.STRING, ExportRow::text),
      field("language", Type.STRING, ExportRow::language),
      field("description", Type.STRING, ExportRow::description),
      field("image_url", Type.STRING, ExportRow::imageUrl),
      field("text_sha256", Type.STRING, ExportRow::textSha256),
      field("version", Type.INTEGER, ExportRow::version),
      field("canonical_url", Type.STRING, ExportRow::canonicalUrl),
      field("tags", Type.STRING_LIST, ExportRow::tags),
      field("word_count", Type.INTEGER, ExportRow::wordCount),
      field("title_rss", Type.STRING, ExportRow::titleRss),
      field("site_name", Type.STRING, ExportRow::siteName),
      field("categories", Type.STRING_LIST, ExportRow::categories),
      field("fingerprint", Type.STRING, v -> fingerprint(v.fingerprint())),
      field("article_id", Type.LONG, ExportRow::articleId),
      field("version_id", Type.LONG, ExportRow::versionId),
      field("first_seen", Type.STRING, v -> Timestamps.seconds(v.firstSeen())),
      field("last_seen", Type.STRING, v -> Timestamps.seconds(v.lastSeen())),
      field("state", Type.STRING, ExportRow::state),
      field("final_url", Type.STRING, v -> v.finalUrl() == null ? v.url() : v.finalUrl()),
      field("http_status", Type.INTEGER, v -> v.fetchStatus() > 0 ? v.fetchStatus() : null),
      field("payload_digest", Type.STRING, v -> payloadDigest(v.rawSha256())),
      field("change_kind", Type.STRING, ExportRow::changeKind),
      field("language_detected", Type.STRING, ExportRow::languageDetected),
      field("date_source", Type.STRING, ExportRow::dateSource),
      field("modified_source", Type.STRING, ExportRow::modifiedSource),
      field("markdown", Type.STRING, ExportRow::markdown));

  /** Present only with {@code --near-dups mark}: the archive id of the earliest version of the cluster. */
  public static final Field CLUSTER = new Field("near_dup_cluster", Type.LONG, ExportRecord::nearDupCluster);

  private static final List<Field> WITH_CLUSTER = withCluster();

  private ArticleFields() {}

  private static List<Field> withCluster() {
    List<Field> all = new ArrayList<>(FIELDS);
    all.add(CLUSTER);
    return List.copyOf(all);
  }

  private static Field field(String name, Type type, Function<ExportRow, Object> value) {
    return new Field(name, type, r -> value.apply(r.row()));
  }

  /** The fields of a file; the cluster column only when clusters are marked. */
  public static List<Field> fields(boolean withCluster) {
    return withCluster ? WITH_CLUSTER : FIELDS;
  }

  /** Field names for a file, in order. */
  public static List<String> names(boolean withCluster) {
    return fields(withCluster).stream().map(Field::name).toList();
  }

  /** One record's values by field name, in field order. */
  public static Map<String, Object> of(ExportRecord r, boolean withCluster) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Field f : fields(withCluster)) {
      m.put(f.name(), f.value().apply(r));
    }
    return m;
  }

  /**
   * One record as a JSON object, written straight to {@code g}: the same bytes as serialising {@link #of}'s map,
   * without building the map (JSONL and the WARC metadata record write one per exported version).
   */
  static void writeJson(JsonGenerator g, ExportRecord r, boolean withCluster) throws IOException {
    List<Field> fields = fields(withCluster);
    g.writeStartObject();
    for (Field f : fields) {
      g.writeFieldName(f.name());
      Object v = f.value().apply(r);
      if (v == null) {
        g.writeNull();
      } else if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Integer i) {
        g.writeNumber(i);
      } else if (v instanceof Long l) {
        g.writeNumber(l);
      } else if (v instanceof List<?> list) {
        g.writeStartArray();
        for (Object item : list) {
          if (item == null) {
            g.writeNull();
          } else {
            g.writeString(item.toString());
          }
        }
        g.writeEndArray();
      } else {
        g.writeObject(v); // a type added later: the mapper's own rules, as for the map
      }
    }
    g.writeEndObject();
  }

  /** The text's 64-bit SimHash (the one near-duplicate detection compares) as 16 hex digits. */
  static String fingerprint(long simhash) {
    String hex = Long.toHexString(simhash);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * The capture's payload digest as a WARC export writes it in {@code WARC-Payload-Digest}: the SHA-256 of the
   * page bytes the archive keeps, in WARC's {@code sha256:BASE32} form. Null when the page was not kept.
   */
  public static String payloadDigest(String rawSha256) {
    if (rawSha256 == null || !rawSha256.startsWith("sha256:")) {
      return null;
    }
    return new WarcDigest("sha256", rawSha256.substring("sha256:".length())).toString();
  }
}
