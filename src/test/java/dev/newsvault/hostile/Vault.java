package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile case's folder: an archive that already holds an earlier article (copied from a template made
 * once per test class), a seed file, and the real CLI run in-process against them. The assertions every case
 * shares live here: the hostile URL ended with a clear failure, the normal page beside it was archived, and
 * the earlier article is still there.
 */
final class Vault {

  /** What the CLI returned and printed. */
  record Run(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** One fetch row. */
  record Fetch(String outcome, String kind, String detail) {}

  static final String EARLIER_TITLE = "Harbour council approves the new ferry timetable";

  final Path dir;
  final Path db;

  /** An empty folder (no archive yet). */
  Vault(Path dir) {
    this.dir = dir;
    this.db = dir.resolve("archive.db");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("none.properties"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder whose archive is a copy of {@code template}. */
  static Vault copyOf(Path template, Path dir) {
    Vault v = new Vault(dir);
    try {
      Files.copy(template, v.db, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v;
  }

  /** Archives {@code site}'s {@code /earlier} article into a new archive under {@code dir}: the template. */
  static Path template(Path dir, RawSite site) {
    site.html("/earlier", article(EARLIER_TITLE, ""));
    Vault v = new Vault(dir);
    Run r = v.crawl(List.of(site.url("/earlier")));
    assertThat(r.code()).as(r.all()).isZero();
    return v.db;
  }

  /** The real CLI, in-process. */
  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The common options of every command on this archive, then {@code more}. */
  List<String> options(String... more) {
    List<String> a = new ArrayList<>(List.of("--config", dir.resolve("none.properties").toString(),
        "--db", db.toString(), "--set", "fetch.allow.private=true", "--set", "politeness.delay.ms=0",
        "--set", "work.dir=" + dir.resolve("work"), "--set", "read.timeout.ms=1500",
        "--set", "connect.timeout.ms=1500", "--set", "max.page.bytes=1000000", "--set", "threads=2",
        "--set", "max.depth=0", "--set", "progress.interval.s=600"));
    a.addAll(List.of(more));
    return a;
  }

  /** Writes the seed lines and crawls them (depth 0: the seeds only). */
  Run crawl(List<String> seedLines, String... more) {
    Path seeds = dir.resolve("seeds.txt");
    try {
      Files.writeString(seeds, String.join("\n", seedLines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return crawlFile(seeds, more);
  }

  Run crawlFile(Path seeds, String... more) {
    List<String> a = new ArrayList<>(List.of("crawl"));
    a.addAll(options(more));
    a.addAll(List.of("--set", "seeds=" + seeds));
    return cli(a.toArray(String[]::new));
  }

  /** Runs {@code command} on this archive with the common options. */
  Run run(String command, String... args) {
    List<String> a = new ArrayList<>(List.of(command));
    a.addAll(List.of(args));
    a.addAll(options());
    return cli(a.toArray(String[]::new));
  }

  /** The last fetch of {@code url}, or null. */
  Fetch fetch(String url) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "SELECT outcome, failure_kind, failure_detail FROM fetch WHERE url = ? ORDER BY id DESC LIMIT 1")) {
      p.setString(1, url);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? new Fetch(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
      }
    }
  }

  /** Versions archived for the article at {@code url} (0 when it is not an article). */
  int versions(String url) throws SQLException {
    return count("SELECT count(*) FROM article_version v JOIN article a ON a.id = v.article_id WHERE a.url = ?",
        url);
  }

  /** Whether a page (an article or not) was archived from {@code url}: a fetch with its raw page stored. */
  boolean archived(String url) throws SQLException {
    return count("SELECT count(*) FROM fetch f JOIN raw_page r ON r.sha256 = f.raw_sha256"
        + " WHERE f.url = ? AND f.outcome IN ('archived', 'unchanged')", url) > 0;
  }

  /** The current title of the article at {@code url}. */
  String title(String url) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT v.title FROM article_version v"
        + " JOIN article a ON a.id = v.article_id WHERE a.url = ? ORDER BY v.version DESC LIMIT 1")) {
      p.setString(1, url);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  int count(String sql, String arg) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, arg);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** The earlier article of the template is still there, with its one version and its title. */
  void earlierKept(RawSite site) throws SQLException {
    assertThat(versions(site.url("/earlier"))).as("earlier article kept").isEqualTo(1);
    assertThat(title(site.url("/earlier"))).isEqualTo(EARLIER_TITLE);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro", new org.sqlite.SQLiteConfig()
        .toProperties());
  }

  /** A news article page with enough text to be archived as an article; {@code extra} goes into the body. */
  static String article(String title, String extra) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(title).append("</title></head><body><header><nav><a href=\"/\">Home</a></nav></header>")
        .append("<article><h1>").append(title).append("</h1>");
    for (int i = 1; i <= 5; i++) {
      b.append("<p>The harbour committee met on Tuesday evening to discuss paragraph ").append(i)
          .append(" of the plan, and members agreed that the ferry service should run every hour from spring,")
          .append(" while the council will pay for new shelters at both piers and a longer quay.</p>");
    }
    return b.append(extra).append("</article><footer>Contact the newsroom</footer></body></html>").toString();
  }
}
