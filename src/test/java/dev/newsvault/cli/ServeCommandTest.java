package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsvault serve run as a user runs it: prints its address, answers there, warns when not on loopback. */
class ServeCommandTest {

  @TempDir Path dir;

  /** Runs serve in a thread until {@code pattern} shows in its output; returns the match, then stops it. */
  private String[] serve(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread t = new Thread(() -> code.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))));
    t.start();
    Pattern address = Pattern.compile("at (http://\\S+/)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Matcher m = address.matcher("");
    while (t.isAlive() && System.nanoTime() < deadline && !(m = address.matcher(out.toString())).find()) {
      Thread.sleep(50);
    }
    String body = "";
    if (m.hitEnd() || !t.isAlive()) {
      t.join(10_000);
      return new String[] {out.toString(), err.toString(), body, Integer.toString(code.get())};
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    body = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/home")).timeout(Duration.ofSeconds(30))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    t.interrupt();
    t.join(30_000);
    return new String[] {out.toString(), err.toString(), body, Integer.toString(code.get())};
  }

  @Test
  void printsItsAddressAndServesTheArchiveReadOnly() throws Exception {
    Path db = dir.resolve("a.db");
    Archive.open(db).close();
    String[] r = serve("serve", "--db", db.toString(), "--port", "0");
    assertThat(r[0]).containsPattern("newsvault serve: .*a\\.db \\(read-only\\) at http://127\\.0\\.0\\.1:\\d+/");
    assertThat(r[1]).doesNotContain("warning");
    assertThat(r[2]).contains("\"articles\" : 0");
    assertThat(r[3]).isEqualTo("0");
  }

  @Test
  void warnsWhenListeningBeyondLoopback() throws Exception {
    Path db = dir.resolve("a.db");
    Archive.open(db).close();
    String[] r = serve("serve", "--db", db.toString(), "--port", "0", "--bind", "0.0.0.0");
    assertThat(r[1]).contains("warning: listening on 0.0.0.0, beyond this machine");
    assertThat(r[2]).contains("\"articles\" : 0");
  }

  @Test
  void aMissingArchiveIsAnErrorThatSaysWhatToDo() throws Exception {
    String[] r = serve("serve", "--db", dir.resolve("none.db").toString(), "--port", "0");
    assertThat(r[1]).contains("no archive at").contains("--db FILE");
    assertThat(r[3]).isEqualTo(Integer.toString(ExitCodes.IO));
  }
}
