package dev.newsvault.warc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.Words;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsvault's own WARC export, imported into a fresh archive, gives back the same articles and versions. */
class ImportOwnExportTest {

  @TempDir Path dir;

  @Test
  void aWarcExportImportedIntoAFreshArchiveGivesTheSameArticlesVersionsAndHashes() throws Exception {
    Path source = dir.resolve("source.db");
    crawlLikeArchive(source);
    Path warc = dir.resolve("export.warc.gz");
    Cli export = Cli.run("export", "--db", source.toString(), "--format", "warc", "--out", warc.toString(),
        "--all-versions", "--near-dups", "keep");
    assertThat(export.code()).as(export.err()).isZero();
    Path copy = dir.resolve("copy.db");

    Cli imported = Cli.run("import", "--db", copy.toString(), warc.toString());

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(Db.versions(copy)).isEqualTo(Db.versions(source)).hasSize(3 * 3 + 5);
    assertThat(Db.rows(copy, "SELECT url, canonical_url, host, first_seen, current_version FROM article ORDER BY url"))
        .isEqualTo(Db.rows(source, "SELECT url, canonical_url, host, first_seen, current_version FROM article"
            + " ORDER BY url"));
    assertThat(Db.rows(copy, "SELECT sha256, size FROM raw_page ORDER BY sha256"))
        .isEqualTo(Db.rows(source, "SELECT sha256, size FROM raw_page ORDER BY sha256"));
    assertThat(Db.rows(copy, "SELECT a.url, v.version, v.text FROM article_version v JOIN article a ON"
        + " a.id=v.article_id ORDER BY 1, 2")).isEqualTo(Db.rows(source, "SELECT a.url, v.version, v.text FROM"
        + " article_version v JOIN article a ON a.id=v.article_id ORDER BY 1, 2"));
  }

  /** Captures stored the way the crawl's PageRecorder stores them: real extraction, then Archive.store. */
  private static void crawlLikeArchive(Path db) throws Exception {
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    try (Archive archive = Archive.open(db)) {
      long run = archive.startRun("crawl", "test");
      for (int day = 0; day < 3; day++) {
        for (int i = 0; i < 8; i++) {
          String url = "https://news.example/2024/story-" + i + ".html";
          // stories 0-2 change every day; the others stay the same (one version, re-fetched unchanged)
          int edition = i < 3 ? day : 0;
          String html = NewsHtml.article("news.example", "Story " + i + (edition > 0 ? " updated " + edition : ""),
              NewsHtml.story(i * 100L + edition, 150));
          Capture c = new Capture(url, url, 200, Instant.parse("2024-03-0" + (day + 1) + "T09:00:00Z").plusSeconds(i),
              30, "text/html; charset=utf-8", "\"e" + i + day + "\"", null, Map.of("server", "nginx"),
              html.getBytes(StandardCharsets.UTF_8), null);
          Article a = extractor.extract(c.body(), c.contentType(), url);
          archive.store(run, c, Words.count(a.text()) >= 40 ? a : null);
        }
      }
    }
  }
}
