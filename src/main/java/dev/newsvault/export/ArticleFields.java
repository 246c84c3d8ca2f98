package dev.newsvault.export;

import dev.newsvault.archive.ExportRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one exported article, in a fixed order: news-please's names first (url, source_domain, title,
 * authors, date_publish, date_modify, date_download, maintext, language, description, image_url), then
 * newsvault's own.
 */
final class ArticleFields {

  static final List<String> NAMES = List.of("url", "source_domain", "title", "authors", "date_publish",
      "date_modify", "date_download", "maintext", "language", "description", "image_url", "text_sha256", "version",
      "canonical_url", "tags", "word_count", "change_kind");
  static final String CLUSTER = "near_dup_cluster";

  private ArticleFields() {}

  /** Field names for a file; the cluster column only when clusters are marked. */
  static List<String> names(boolean withCluster) {
    if (!withCluster) {
      return NAMES;
    }
    List<String> all = new java.util.ArrayList<>(NAMES);
    all.add(CLUSTER);
    return List.copyOf(all);
  }

  static Map<String, Object> of(ExportRecord r, boolean withCluster) {
    ExportRow v = r.row();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", v.url());
    m.put("source_domain", v.host());
    m.put("title", v.title());
    m.put("authors", v.authors());
    m.put("date_publish", v.published());
    m.put("date_modify", v.modified());
    m.put("date_download", v.fetchedAt());
    m.put("maintext", v.text());
    m.put("language", v.language());
    m.put("description", v.description());
    m.put("image_url", v.imageUrl());
    m.put("text_sha256", v.textSha256());
    m.put("version", v.version());
    m.put("canonical_url", v.canonicalUrl());
    m.put("tags", v.tags());
    m.put("word_count", v.wordCount());
    m.put("change_kind", v.changeKind());
    if (withCluster) {
      m.put(CLUSTER, r.nearDupCluster());
    }
    return m;
  }
}
