package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsvault.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.sqlite.SQLiteConfig;

/**
 * What the crash cases share: a small news site on 127.0.0.1 whose pages answer slowly enough that a crawl is
 * still running when it is killed, the CLI run in a real second JVM (so kill -9 kills a whole newsvault
 * process) or in this one, and read-only looks into the archive while the other process writes it.
 */
final class HostileCrashSupport implements AutoCloseable {

  /** Article pages of the site; the home page links them all. */
  static final int ARTICLES = 60;

  record Result(int code, String out, String err) {}

  final Path dir;
  final Path db;
  final HttpServer server;

  HostileCrashSupport(Path dir, int delayMs) throws IOException {
    this.dir = dir;
    this.db = dir.resolve("crash.db");
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      try (ex) {
        if (path.startsWith("/news/")) {
          Thread.sleep(delayMs);
        }
        String body = path.equals("/") ? home() : path.startsWith("/news/") ? article(path) : null;
        if (body == null) {
          ex.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the crawler was killed mid-response
      }
    });
    server.start();
    Files.writeString(dir.resolve("none.properties"), "");
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(seeds.resolve("news.txt"), url("/") + "\tdepth=1\n");
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static String home() {
    StringBuilder b = new StringBuilder("<html><head><title>Home</title></head><body><h1>News</h1><ul>");
    for (int i = 1; i <= ARTICLES; i++) {
      b.append("<li><a href=\"/news/story-").append(i).append("\">Story ").append(i).append("</a></li>");
    }
    return b.append("</ul></body></html>").toString();
  }

  private static String article(String path) {
    StringBuilder b = new StringBuilder("<html><head><title>").append(path).append("</title></head><body><article>")
        .append("<h1>Story ").append(path).append("</h1>");
    for (int i = 0; i < 6; i++) {
      b.append("<p>The council met again on Tuesday evening and members argued about the budget for roads, schools")
          .append(" and the harbour, paragraph ").append(i).append(" of the report on ").append(path).append(".</p>");
    }
    return b.append("</article></body></html>").toString();
  }

  /** The options every command of these cases runs with. */
  List<String> args(String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(List.of("--config", dir.resolve("none.properties").toString(), "--db", db.toString(),
        "--set", "seeds=" + dir.resolve("seeds"), "--set", "work.dir=" + dir.resolve("work"),
        "--set", "politeness.delay.ms=0", "--set", "threads=2", "--set", "fetch.allow.private=true",
        "--set", "article.min.words=20"));
    all.addAll(List.of(more));
    return all;
  }

  /** Runs the CLI in this JVM. */
  Result run(List<String> args) {
    return new Cli().run(args.toArray(String[]::new));
  }

  /** The CLI in this JVM, for commands that need no archive or site. */
  static final class Cli {
    Result run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Result(code, out.toString(), err.toString());
    }
  }

  /** Starts the CLI in a second JVM, its output to files beside the archive. */
  Process spawn(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.newsvault.cli.Main"));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
  }

  /** Waits (generously) until {@code condition} holds while {@code p} runs; fails if p ends first. */
  void awaitWhileRunning(Process p, BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertThat(p.isAlive()).as("the process is still running while waiting for " + what + "; its stderr: "
          + (Files.exists(dir.resolve("child.err")) ? Files.readString(dir.resolve("child.err")) : "")).isTrue();
      assertThat(System.nanoTime()).as("waited two minutes for " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** kill -9: the process gets no chance to record anything. */
  static void killHard(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL on Linux and macOS
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }

  /** The first column of a query as long values, read without any lock (0 when the archive does not exist yet). */
  long count(String sql) {
    if (!Files.exists(db)) {
      return 0;
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    cfg.setBusyTimeout(10_000);
    try (Connection c = cfg.createConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      return 0; // not created yet, or mid-migration
    }
  }

  List<String> column(String sql) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    List<String> out = new ArrayList<>();
    try (Connection c = cfg.createConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
