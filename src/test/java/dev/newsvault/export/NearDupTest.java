package dev.newsvault.export;

import static dev.newsvault.export.ExportFormatsTest.jsonl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.archive.SimHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDupTest {

  static final int DEFAULT = ExportOptions.DEFAULT_NEAR_DUP_BITS;
  static final String ORIGINAL = Archives.resource("wire-original.txt");

  @TempDir Path dir;

  private static int distance(String a, String b) {
    return SimHash.distance(SimHash.of(a), SimHash.of(b));
  }

  @Test
  void theSameStoryLightlyRewrittenMatches() {
    // measured: 6 bits (3-shingle Jaccard 0.92)
    assertThat(distance(ORIGINAL, Archives.resource("wire-light-edit.txt"))).isLessThanOrEqualTo(DEFAULT);
  }

  @Test
  void theSameStoryWithOtherBoilerplateMatches() {
    // measured: 4 bits (Jaccard 0.88)
    assertThat(distance(ORIGINAL, Archives.resource("wire-with-boilerplate.txt"))).isLessThanOrEqualTo(DEFAULT);
  }

  @Test
  void aDifferentStoryOnTheSameTopicDoesNotMatch() {
    // measured: 29 bits (Jaccard 0.02): as far apart as unrelated texts (32 on average)
    assertThat(distance(ORIGINAL, Archives.resource("same-topic-other-story.txt"))).isGreaterThan(2 * DEFAULT);
  }

  @Test
  void theSameEventFromTwoOutletsOneMachineTranslatedIsNotANearDuplicate() {
    // measured: 31 bits, 3-shingle Jaccard 0.036 (611 and 328 words, 31 shared shingles, mostly names).
    // Two independent write-ups of one event are two texts a corpus should keep; see README.md.
    int d = distance(Archives.resource("seed-000-outlet-a.txt"), Archives.resource("seed-001-outlet-b-translated.txt"));
    assertThat(d).isGreaterThan(16);
  }

  @Test
  void theIndexFindsTheEarliestCloseFingerprintOfAnotherArticleOnly() {
    SimHashIndex index = new SimHashIndex(3);
    long base = 0x0123_4567_89AB_CDEFL;
    index.add(base ^ 0b111, 1);          // 3 bits away, article 1
    index.add(base, 2);                  // same fingerprint, article 2
    index.add(base ^ (1L << 63), 3);     // 1 bit away, article 3
    assertThat(index.nearest(base, 9)).isEqualTo(0);
    assertThat(index.nearest(base ^ 0b111, 1)).isEqualTo(1);
    assertThat(index.nearest(base ^ 0b1111_0000_0000L, 9)).isEqualTo(-1);
    assertThat(new SimHashIndex(0).nearest(base, 1)).isEqualTo(-1);
  }

  private Path archive() throws IOException {
    Path db = dir.resolve("news.db");
    Archives a = Archives.create(db);
    a.article("http://wire.example/transit", "Transit line approved", "2026-03-01", "en", "2026-03-01T10:00:00Z",
        ORIGINAL);
    a.article("http://ledger.example/transit", "Transit line approved", "2026-03-01", "en",
        "2026-03-01T11:00:00Z", Archives.resource("wire-with-boilerplate.txt"));
    a.article("http://daily.example/news/transit", "Council backs transit line", "2026-03-01", "en",
        "2026-03-01T12:00:00Z", Archives.resource("wire-light-edit.txt"));
    a.article("http://wire.example/route12", "Route 12 changes", "2026-03-08", "en", "2026-03-08T10:00:00Z",
        Archives.resource("same-topic-other-story.txt"));
    a.close();
    return db;
  }

  @Test
  void dropKeepsOnlyTheEarliestOfEachCluster() throws IOException {
    Path db = archive();
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-");
    assertThat(jsonl(r.out())).extracting(n -> n.get("url").asText())
        .containsExactly("http://wire.example/transit", "http://wire.example/route12");
    assertThat(r.err()).contains("2 near-duplicates dropped");
  }

  @Test
  void markKeepsEveryArticleAndLabelsTheClusterOnAllItsMembers() throws IOException {
    Path db = archive();
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-", "--near-dups", "mark");
    List<JsonNode> all = jsonl(r.out());
    assertThat(all).hasSize(4);
    JsonNode cluster = all.get(0).get("near_dup_cluster");
    assertThat(cluster.isNumber()).isTrue();
    assertThat(all.subList(0, 3)).allMatch(n -> n.get("near_dup_cluster").equals(cluster));
    assertThat(all.get(3).get("near_dup_cluster").isNull()).isTrue();
  }

  @Test
  void keepAndAThresholdOfZeroLeaveNearDuplicatesAlone() throws IOException {
    Path db = archive();
    assertThat(jsonl(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-", "--near-dups",
        "keep").out())).hasSize(4);
    assertThat(jsonl(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-",
        "--near-dup-threshold", "0").out())).hasSize(4);
  }

  @Test
  void aCheckpointedExportDropsANearDuplicateOfAVersionExportedBeforeTheCheckpoint() throws IOException {
    Path db = dir.resolve("news.db");
    Archives a = Archives.create(db);
    a.article("http://wire.example/transit", "Transit line approved", "2026-03-01", "en", "2026-03-01T10:00:00Z",
        ORIGINAL);
    a.close();
    Path first = dir.resolve("first.jsonl");
    Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", first.toString(), "--changed-since-last-export", "daily");
    Archives later = Archives.create(db);
    later.article("http://daily.example/news/transit", "Council backs transit line", "2026-03-02", "en",
        "2026-03-02T12:00:00Z", Archives.resource("wire-light-edit.txt"));
    later.article("http://wire.example/route12", "Route 12 changes", "2026-03-08", "en", "2026-03-08T10:00:00Z",
        Archives.resource("same-topic-other-story.txt"));
    later.close();
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-", "--changed-since-last-export", "daily");
    assertThat(jsonl(r.out())).extracting(n -> n.get("url").asText()).containsExactly("http://wire.example/route12");
    assertThat(r.err()).contains("1 near-duplicate");
  }
}
