package dev.newsvault.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedReaderTest {

  @TempDir Path dir;

  private Path write(String name, String... lines) throws Exception {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void readsUrlsCommentsBlankLinesAndPerLineSettings() throws Exception {
    Path f = write("news.txt",
        "# national papers",
        "",
        "https://News.Example.com/  # front page",
        "https://example.org/world\tdepth=1 scope=domain",
        "https://example.net/feed.xml\ttype=feed",
        "http://example.com/a#section\tdepth=0,scope=any");
    SeedList list = SeedReader.read(f);

    assertThat(list.problems()).isEmpty();
    assertThat(list.seeds()).extracting(Seed::url).containsExactly("https://news.example.com/",
        "https://example.org/world", "https://example.net/feed.xml", "http://example.com/a");
    Seed world = list.seeds().get(1);
    assertThat(world.depth()).isEqualTo(1);
    assertThat(world.scope()).isEqualTo(Scope.DOMAIN);
    assertThat(world.type()).isEqualTo(SeedType.PAGE);
    assertThat(world.origin()).isEqualTo(f + ":4");
    assertThat(list.seeds().get(0).depth()).isNull();
    assertThat(list.seeds().get(3).scope()).isEqualTo(Scope.ANY);
    assertThat(list.ofType(SeedType.FEED)).extracting(Seed::line).containsExactly(5);
  }

  @Test
  void badLinesAreReportedWithFileAndLineAndTheRestIsKept() throws Exception {
    Path f = write("bad.txt",
        "ftp://example.com/file",
        "https://example.com/ok",
        "https://exa mple.com/",
        "https://example.com/x\tdepth=many",
        "https://example.com/y\tcolour=blue",
        "https://example.com/z\tscope=planet",
        "not a url at all",
        "http://[::1/broken",
        "https://example.com/last\ttype=sitemap");
    SeedList list = SeedReader.read(f);

    assertThat(list.seeds()).extracting(Seed::line).containsExactly(2, 9);
    assertThat(list.problems()).extracting(SeedProblem::line).containsExactly(1, 3, 4, 5, 6, 7, 8);
    assertThat(list.problems().get(0).toString()).startsWith(f + ":1: ").contains("not an http or https URL");
    assertThat(list.problems().get(2).message()).contains("depth=many");
    assertThat(list.problems().get(3).message()).contains("unknown setting 'colour'");
    assertThat(list.problems().get(4).message()).contains("host, domain, any");
  }

  @Test
  void aFolderIsReadFileByFileInNameOrderIgnoringOtherFiles() throws Exception {
    write("b.txt", "https://b.example/");
    write("a.txt", "https://a.example/");
    write("notes.md", "https://ignored.example/");
    SeedList list = SeedReader.read(dir);
    assertThat(list.seeds()).extracting(Seed::url).containsExactly("https://a.example/", "https://b.example/");
  }

  @Test
  void aMissingSeedPathIsOneProblemNotAnException() {
    SeedList list = SeedReader.read(dir.resolve("nope"));
    assertThat(list.seeds()).isEmpty();
    assertThat(list.problems()).hasSize(1);
    assertThat(list.problems().get(0).message()).contains("no such seed file or folder");
  }

  @Test
  void aHashInsideAUrlIsNotAComment() {
    assertThat(SeedReader.stripComment("https://example.com/#top  # comment")).isEqualTo("https://example.com/#top  ");
    assertThat(List.of(SeedReader.stripComment("# all comment"))).containsExactly("");
  }

  @Test
  void aLineOfInvalidUtf8IsReportedAloneAndTheOtherLinesAreKept() throws Exception {
    byte[] bad = {'h', 't', 't', 'p', ':', '/', '/', 'x', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '/', (byte) 0xC3,
        '(', '\n'};
    Path f = dir.resolve("mixed.txt");
    Files.write(f, concat("https://example.com/first\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), bad,
        "https://example.com/caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    SeedList list = SeedReader.read(f);
    assertThat(list.seeds()).extracting(Seed::line).containsExactly(1, 3);
    assertThat(list.seeds().get(1).url()).contains("caf");
    assertThat(list.problems()).hasSize(1);
    assertThat(list.problems().get(0).toString()).startsWith(f + ":2: ").contains("not valid UTF-8", "0xC3");
  }

  @Test
  void controlCharactersOfASeedLineAreShownNotObeyedInTheReport() throws Exception {
    Path f = write("esc.txt", "https://example.com/\u001b]0;owned\u0007\u001b[2J x");
    SeedList list = SeedReader.read(f);
    String report = list.problems().get(0).toString();
    assertThat(report).doesNotContain("\u001b", "\u0007").contains("\\u001B]0;owned\\u0007");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
