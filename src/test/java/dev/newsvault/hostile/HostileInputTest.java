package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.newsvault.archive.Archive;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile configuration, seed files, saved pages and archive files: each is refused or skipped with a message
 * that names the key, file or line and says what to do, the good input beside it is used, and the archive's
 * earlier article is kept.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

  @RegisterExtension static final NormalSite normal = new NormalSite();
  @TempDir Path dir;
  private Vault vault;

  @BeforeEach
  void copy() {
    vault = Vault.copyOf(normal.template(), dir.resolve("vault"));
  }

  // configuration

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key with a near miss | max.pagse=3          | max.pagse     | max.pages",
      "number that is not a number  | threads=many         | threads       | threads",
      "number out of range          | threads=100000       | threads       | 256",
      "negative depth               | max.depth=-1         | max.depth     | max.depth",
      "bad boolean for the guard    | fetch.allow.private=yes please | fetch.allow.private | true",
      "control characters in a key  | max.pages\u001b[2J=3 | max.pages     | max.pages"})
  void aBadSettingStopsWithExitTwoNamingTheKeyAndChangesNothing(String name, String set, String key,
      String hint) throws Exception {
    long before = Files.size(vault.db);
    Vault.Run r = vault.crawl(List.of(normal.site().url("/normal")), "--set", set);
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains(key.strip(), hint.strip());
    assertThat(vault.versions(normal.site().url("/normal"))).isZero();
    assertThat(Files.size(vault.db)).isEqualTo(before);
    vault.earlierKept(normal.site());
  }

  // seed files

  @Test
  void aSeedFileWithAnInvalidUtf8LineKeepsItsOtherLines() throws Exception {
    Path seeds = vault.dir.resolve("seeds.txt");
    try (OutputStream out = Files.newOutputStream(seeds)) {
      out.write(("# local news\n" + normal.site().url("/missing") + "\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write((normal.site().url("/normal") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Vault.Run r = vault.crawlFile(seeds);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err()).contains(seeds + ":2: ", "not valid UTF-8", "0xE9");
    assertThat(vault.versions(normal.site().url("/normal"))).isEqualTo(1);
    vault.earlierKept(normal.site());
  }

  @Test
  void controlCharactersInASeedLineAreShownInTheReportNotObeyed() throws Exception {
    Vault.Run r = vault.crawl(List.of("https://example.com/\u001b]0;pwned\u0007 \u001b[2J", normal.site().url("/normal")));
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err()).contains(":1: ", "\\u001B]0;pwned\\u0007").doesNotContain("\u001b", "\u0007");
    assertThat(vault.versions(normal.site().url("/normal"))).isEqualTo(1);
  }

  @Test
  void aBinarySeedFileIsRejectedLineByLineAndTheArchiveIsUntouched() throws Exception {
    Path seeds = vault.dir.resolve("seeds.txt");
    byte[] junk = new byte[4096];
    new java.util.Random(42).nextBytes(junk);
    Files.write(seeds, junk);
    Vault.Run r = vault.crawlFile(seeds);
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.err()).contains(seeds + ":1: ");
    assertThat(r.all()).contains("No usable seeds").doesNotContain("\u001b");
    vault.earlierKept(normal.site());
  }

  // saved pages for extract

  @Test
  void extractSkipsACompressedBombAndACorruptFileAndGoesOnWithTheOthers() throws Exception {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("a-good.html"), Vault.article("Harbour opens", ""));
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(pages.resolve("b-bomb.html.gz")))) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) { // 256 MiB, about 256 KiB on disk
        gz.write(zeros);
      }
    }
    Files.write(pages.resolve("c-corrupt.html.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
    Files.writeString(pages.resolve("d-good.html"), Vault.article("Ferry fares rise", ""));
    Vault.Run r = Vault.cli("extract", "--format", "text", pages.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.err()).contains("b-bomb.html.gz: it expands to more than 5242880 bytes (max.page.bytes)",
        "c-corrupt.html.gz").doesNotContain("OutOfMemoryError", "\tat ");
    assertThat(r.out()).contains("Harbour opens", "Ferry fares rise");
  }

  @Test
  void extractSkipsAPlainFileOverTheLimit() throws Exception {
    Path big = dir.resolve("big.html");
    Files.writeString(big, Vault.article("Big", "<!--" + "x".repeat(200_000) + "-->"));
    Path small = dir.resolve("small.html");
    Files.writeString(small, Vault.article("Small story", ""));
    Vault.Run r = Vault.cli("extract", "--max-page-bytes", "100000", big.toString(), small.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("big.html: it is more than 100000 bytes", "--max-page-bytes");
    assertThat(r.out()).contains("Small story");
  }

  @Test
  void extractRefusesANonPositiveSizeLimit() {
    Vault.Run r = Vault.cli("extract", "--max-page-bytes", "-5", "x.html");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--max-page-bytes must be a positive number");
  }

  // archive faults

  @Test
  void aCorruptArchiveIsReportedAndNotOverwritten() throws Exception {
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(junk);
    Files.write(vault.db, junk);
    Vault.Run crawl = vault.crawl(List.of(normal.site().url("/normal")));
    assertThat(crawl.code()).as(crawl.all()).isEqualTo(4);
    assertThat(crawl.err()).contains(vault.db.toString());
    Vault.Run stats = vault.run("stats");
    assertThat(stats.code()).isEqualTo(4);
    assertThat(stats.err()).contains(vault.db.toString()).doesNotContain("\tat ");
    assertThat(Files.readAllBytes(vault.db)).isEqualTo(junk);
  }

  @Test
  void aTruncatedArchiveIsReportedAndNotOverwritten() throws Exception {
    byte[] whole = Files.readAllBytes(vault.db);
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Files.write(vault.db, half);
    Vault.Run crawl = vault.crawl(List.of(normal.site().url("/normal")));
    assertThat(crawl.code()).as(crawl.all()).isIn(0, 4);
    Vault.Run stats = vault.run("stats");
    assertThat(stats.all()).doesNotContain("\tat ");
    if (crawl.code() == 4) {
      assertThat(Files.readAllBytes(vault.db)).isEqualTo(half);
    }
  }

  @Test
  void aReadOnlyArchiveIsReportedAndStillReadable() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write to a read-only file");
    Files.setPosixFilePermissions(vault.db, PosixFilePermissions.fromString("r--r--r--"));
    Vault.Run crawl = vault.crawl(List.of(normal.site().url("/normal")));
    assertThat(crawl.code()).as(crawl.all()).isEqualTo(4);
    assertThat(crawl.err()).contains(vault.db.toString());
    assertThat(vault.run("stats").out()).contains("articles 1");
  }

  @Test
  void aSecondWriterStopsAtOnceWithExitThreeAndChangesNothing() throws Exception {
    try (Archive holder = Archive.open(vault.db)) {
      Vault.Run r = vault.crawl(List.of(normal.site().url("/normal")));
      assertThat(r.code()).as(r.all()).isEqualTo(3);
      assertThat(r.err()).contains("in use by another newsvault process");
    }
    assertThat(vault.versions(normal.site().url("/normal"))).isZero();
    vault.earlierKept(normal.site());
  }
}
