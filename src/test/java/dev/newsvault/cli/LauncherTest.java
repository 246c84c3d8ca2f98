package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./newsvault} launcher, run by bash beside a stand-in jar whose main prints its arguments, the JVM
 * options it was started with and its first line of input: the class-data-sharing archive is written by a
 * successful first long run, mapped by every later run, never by a failed one, and replaced when the jar changes;
 * input and exit codes pass through; {@code JAVA_OPTS} replaces every default.
 */
class LauncherTest {

  @TempDir
  Path dir;

  private Path target;

  @BeforeEach
  void standInJar() throws IOException {
    Files.copy(Path.of("newsvault"), dir.resolve("newsvault"));
    target = Files.createDirectories(dir.resolve("target"));
    Path src = dir.resolve("Echo.java");
    Files.writeString(src, """
        public class Echo {
          public static void main(String[] args) throws Exception {
            if (args.length > 1 && args[1].equals("wait")) {
              Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopped cleanly")));
              System.out.println("waiting");
              Thread.sleep(60_000);
            }
            String in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            String cds = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.contains("Archive")).map(a -> a.substring(4, a.indexOf('='))).findFirst().orElse("none");
            System.out.println("args=" + String.join(",", args) + " in=" + in + " cds=" + cds);
            System.exit(args.length > 1 && args[1].equals("fail") ? 3 : 0);
          }
        }""");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()))
        .isZero();
    writeJar();
  }

  private void writeJar() throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target.resolve("newsvault.jar")), m)) {
      jar.putNextEntry(new JarEntry("Echo.class"));
      jar.write(Files.readAllBytes(dir.resolve("Echo.class")));
      jar.closeEntry();
    }
  }

  private record Run(int exit, String out) {}

  private Run run(Map<String, String> env, String input, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", dir.resolve("newsvault").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Run(p.waitFor(), out);
  }

  private List<String> archives() throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("newsvault-cds-")).sorted().toList();
    }
  }

  @Test
  void theFirstImportWritesTheArchiveThatLaterRunsMap() throws Exception {
    assertThat(run(Map.of(), "typed\n", "--version")).isEqualTo(new Run(0, "args=--version in=typed cds=none"));
    assertThat(archives()).isEmpty();

    assertThat(run(Map.of(), "first\n", "import", "a.warc.gz"))
        .isEqualTo(new Run(0, "args=import,a.warc.gz in=first cds=ArchiveClassesAtExit"));
    List<String> written = archives();
    assertThat(written).hasSize(1).allMatch(n -> n.endsWith(".jsa"));

    assertThat(run(Map.of(), "again\n", "export", "--format", "jsonl"))
        .isEqualTo(new Run(0, "args=export,--format,jsonl in=again cds=SharedArchiveFile"));
    assertThat(archives()).isEqualTo(written);
  }

  @Test
  void aFailedRunLeavesNoArchiveAndItsExitCode() throws Exception {
    assertThat(run(Map.of(), "", "crawl", "fail").exit()).isEqualTo(3);
    assertThat(archives()).isEmpty();
  }

  /** Ctrl-C on the run that writes the archive: the run stops as it would without the launcher, with 130. */
  @Test
  void ctrlCStopsTheArchivingRunCleanlyWithCtrlCsExitCode() throws Exception {
    List<String> cmd = List.of("bash", dir.resolve("newsvault").toString(), "crawl", "wait");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process p = pb.start();
    java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("waiting"); // the JVM runs, as the launcher's child
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
    assertThat(out.readLine()).isEqualTo("stopped cleanly");
    assertThat(p.waitFor()).isEqualTo(130);
    assertThat(archives()).isEmpty();
  }

  @Test
  void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
    run(Map.of(), "", "crawl");
    List<String> old = archives();
    writeJar();
    Files.setLastModifiedTime(target.resolve("newsvault.jar"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(run(Map.of(), "", "import").out()).endsWith("cds=ArchiveClassesAtExit");
    assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(old);
  }

  @Test
  void aDemoThatServesUntilCtrlCWritesNoArchive() throws Exception {
    assertThat(run(Map.of(), "", "demo", "--serve")).isEqualTo(new Run(0, "args=demo,--serve in=null cds=none"));
    assertThat(archives()).isEmpty();
  }

  /** A crawl's help loads the command line and little else: an archive of it would leave out what crawls load. */
  @Test
  void helpOfACommandWritesNoArchive() throws Exception {
    assertThat(run(Map.of(), "", "crawl", "--help")).isEqualTo(new Run(0, "args=crawl,--help in=null cds=none"));
    assertThat(run(Map.of(), "", "import", "-V")).isEqualTo(new Run(0, "args=import,-V in=null cds=none"));
    assertThat(archives()).isEmpty();
    assertThat(run(Map.of(), "", "crawl").out()).endsWith("cds=ArchiveClassesAtExit");
    assertThat(archives()).hasSize(1);
  }

  @Test
  void javaOptsReplaceEveryDefault() throws Exception {
    assertThat(run(Map.of("JAVA_OPTS", "-Xmx64m"), "", "crawl"))
        .isEqualTo(new Run(0, "args=crawl in=null cds=none"));
    assertThat(archives()).isEmpty();
  }
}
