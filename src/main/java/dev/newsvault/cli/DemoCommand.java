package dev.newsvault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.demo.DemoSite;
import dev.newsvault.demo.WebhookReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsvault demo}: the whole idea offline, in one command. Serves the bundled sample news site on
 * 127.0.0.1, then runs the real commands against it, each printed before it runs: crawl (from the front
 * page, the feed and the sitemap), stats, show, a correction published on the site with page furniture
 * churned everywhere, check, diff, history, export and a scheduled run. Everything lands in one directory
 * that is recreated on every run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Offline tour: serve the bundled sample news site on 127.0.0.1, crawl it into a fresh archive in DIR,"
        + " edit one article and churn the page furniture, then check, diff, export and schedule.",
    "Exit code 0 when every step did what the demo expects."})
public final class DemoCommand implements Callable<Integer> {

  /** The article the demo shows, corrects and diffs: built around one of the two seed stories. */
  static final String STORY = "/world/lavrov-says-moscow-has-recognised-taliban-diplomat.html";

  /** The demo webhook's signing secret: a demo value, written to a file as a real one would be. */
  static final String DEMO_SECRET = "demo-webhook-secret";

  /** An article whose story holds live counters ("Updated 5 minutes ago · 38 comments", an embed's likes). */
  /** An article whose text a script writes into the page: archived without text unless rendered. */
  static final String SCRIPTED = "/business/ferry-timetable-live.html";
  static final String COUNTERS = "/science/comet-visible-to-the-naked-eye-this-weekend.html";

  /** The files of DIR the demo owns and recreates; anything else in DIR is left alone. */
  private static final List<String> OWNED = List.of("archive.db", "archive.db-wal", "archive.db-shm",
      "archive.db.lock", "articles.jsonl", "seeds/demo.txt", "demo.properties", "webhook.secret",
      "rendered-seeds/app.txt", "ferry-timetable.webp");

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "newsvault-demo",
      description = "Where the demo writes its archive, seed list and export (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "Port for the sample site on 127.0.0.1 (default: any free port).")
  int port;

  @Option(names = "--serve", description = "After the demo, open the archive in newsvault serve and keep the"
      + " sample site running, until Ctrl-C, to browse it and try more commands against it.")
  boolean serve;

  private PrintWriter out;
  private PrintWriter err;
  private final List<String> problems = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    Path db = dir.resolve("archive.db");
    Path seeds = dir.resolve("seeds");
    Path export = dir.resolve("articles.jsonl");
    prepare(db);
    try (DemoSite site = DemoSite.start(port)) {
      URI base = site.baseUrl();
      Files.createDirectories(seeds);
      Files.writeString(seeds.resolve("demo.txt"), String.join("\n",
          "# The Harbour Gazette, the sample site of 'newsvault demo': its front page, followed two links deep,",
          "# its RSS feed, and its sitemap index with the links of the pages it lists followed one deep.",
          base + "\tdepth=2",
          base.resolve("/feed.xml") + "\ttype=feed",
          base.resolve("/sitemap.xml") + "\ttype=sitemap depth=1",
          "# an app-style page whose article a script writes: a plain fetch sees no text (step 8 renders it)",
          base.resolve(SCRIPTED) + "\tdepth=0",
          ""), StandardCharsets.UTF_8);
      String story = base.resolve(STORY).toString();
      // The demo's settings live in a config file beside its archive, so every command the tour prints can be
      // copied and run as it stands (while the site is up: 'demo --serve' keeps it running).
      Path configFile = dir.resolve("demo.properties");
      Files.writeString(configFile, String.join("\n",
          "# Settings of 'newsvault demo': its archive and seed list, and what a site on 127.0.0.1 needs.",
          "database=" + db,
          "seeds=" + seeds,
          "# the site is on this machine: allow internal addresses (refused by default), and no politeness delay",
          "fetch.allow.private=true",
          "politeness.delay.ms=0",
          "work.dir=" + dir.resolve("work"),
          "schedule.demo.every=1h",
          ""), StandardCharsets.UTF_8);
      List<String> common = List.of("--config", configFile.toString());

      out.printf("newsvault demo: the Harbour Gazette, a sample news site, is serving on %s%n", base);
      out.printf("Archive, seed list and export go to %s/ (recreated on every run). Each step runs a real"
          + " newsvault command; politeness is off because the site is local.%n", dir);

      step("1. Crawl the site from its front page, its RSS feed and its sitemap index");
      expect(run(common, "crawl", "--fresh"), ExitCodes.OK, "crawl");

      step("2. What the archive holds; failed fetches are recorded with their reasons (the site has a broken link),"
          + " and so is the staff login its robots.txt keeps crawlers out of (/admin/), never fetched");
      expect(run(common, "stats", "--failures", "5"), ExitCodes.OK, "stats");

      step("3. One article as archived: metadata, hashes and the cleaned text without the page around it");
      expect(run(common, "show", story), ExitCodes.OK, "show");

      step("4. The site corrects that article, changes the furniture of every page (clock, comment counts,"
          + " related links), and moves on the live counters inside the text of another (\"Updated 5 minutes ago"
          + " · 38 comments\", the likes under an embedded post); then every archived article is checked. Each"
          + " change is labelled with its kind (typo, number, wording, correction, ...)");
      out.printf("   live counters in %s read: %s%n", COUNTERS, String.join(" | ", site.liveCounters(COUNTERS)));
      site.editArticle(STORY);
      site.churnBoilerplate();
      site.tickCounters();
      out.printf("   and now read:  %s%n", String.join(" | ", site.liveCounters(COUNTERS)));
      try (WebhookReceiver hook = new WebhookReceiver(DEMO_SECRET)) {
        Path secret = dir.resolve("webhook.secret");
        Files.writeString(secret, DEMO_SECRET, StandardCharsets.UTF_8);
        out.printf("   A webhook receiver listens on %s and is told of every change (docs/notifications.md)%n",
            hook.url());
        expect(run(common, "check", "--all", "--set", "notify.demo.type=webhook", "--set", "notify.demo.url="
            + hook.url(), "--set", "notify.demo.secret.file=" + secret, "--set", "notify.demo.allow-private=true"),
            ExitCodes.CHANGED, "check (one article changed)");
        printNotices(hook.received());
      }

      step("5. Exactly what changed, and the article's versions; the article whose counters moved is still at"
          + " version 1");
      expect(run(common, "diff", story), ExitCodes.OK, "diff");
      expect(run(common, "history", story), ExitCodes.OK, "history");
      expect(run(common, "history", base.resolve(COUNTERS).toString()), ExitCodes.OK, "history (counters)");

      step("6. Export the cleaned texts as a JSONL corpus (exact and near duplicates collapsed)");
      expect(run(common, "export", "--format", "jsonl", "--out", export.toString()), ExitCodes.OK, "export");
      listExport(export);

      step("7. Scheduled crawling, as system cron would run it: the 'demo' list is due, so it is crawled again;"
          + " new articles join the revisit queue");
      expect(run(common, "schedule", "--once"), ExitCodes.OK, "schedule --once");
      expect(run(common, "status", "--limit", "5"), ExitCodes.OK, "status");

      rendered(base.resolve(SCRIPTED).toString(), common);

      out.println();
      if (problems.isEmpty()) {
        out.printf("Done. The archive stays in %s; try for example:%n", db);
      } else {
        out.printf("The demo finished with problems: %s. The archive is in %s; try for example:%n",
            String.join("; ", problems), db);
      }
      out.printf("  ./newsvault show %s --db %s%n", story, Shell.quote(db.toString()));
      out.printf("  ./newsvault export --format csv --out articles.csv --db %s%n", Shell.quote(db.toString()));
      out.printf("  ./newsvault demo --serve   (the archive in your browser, with the sample site kept up for your own crawls)%n");
      out.flush();
      if (serve) {
        out.printf("%nThe sample site keeps serving on %s until Ctrl-C; the archive opens in newsvault serve:%n", base);
        out.flush();
        Main.run(new String[] {"serve", "--db", db.toString(), "--port", "0"}, out, err);
      }
    }
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /**
   * Makes DIR ready for a fresh run: refuses when another process has its archive open, then removes the
   * files a previous demo left there (and only those).
   */
  private void prepare(Path db) throws IOException, dev.newsvault.archive.ArchiveException {
    Files.createDirectories(dir);
    if (Files.exists(db)) {
      try (Archive probe = Archive.open(db)) {
        // only checks that no other process holds the archive (else: exit 3, nothing deleted)
      }
    }
    for (String name : OWNED) {
      Files.deleteIfExists(dir.resolve(name));
    }
    Path work = dir.resolve("work");
    if (Files.isDirectory(work)) {
      try (Stream<Path> all = Files.walk(work)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private void step(String title) {
    out.println();
    out.println("== " + title);
    out.flush();
  }

  /** What the demo's webhook receiver got, each notice on a line or two (web text made safe for a terminal). */
  private void printNotices(List<WebhookReceiver.Received> got) {
    PrintWriter safe = Terminal.safe(out);
    safe.printf("   The webhook receiver got %d message%s:%n", got.size(), got.size() == 1 ? "" : "s");
    for (WebhookReceiver.Received r : got) {
      for (var n : r.body().path("notices")) {
        safe.printf("   %s %s: %s (version %d -> %d, +%d -%d words), signature %s%n     %s%n", r.key(),
            n.at("/change/kind").asText(), n.path("title").asText(), n.at("/old/version").asInt(),
            n.at("/new/version").asInt(), n.at("/change/words_added").asInt(), n.at("/change/words_removed").asInt(),
            r.signatureValid() ? "valid" : "INVALID", n.path("diff").asText());
      }
    }
    safe.flush();
  }

  /** Runs one newsvault command in this process with the demo's archive and settings, echoing it first. */
  private int run(List<String> common, String command, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(List.of(args));
    argv.addAll(common);
    out.println("$ ./newsvault " + Shell.join(argv));
    out.flush();
    return Main.run(argv.toArray(String[]::new), out, err);
  }

  private void expect(int code, int expected, String what) {
    if (code != expected) {
      problems.add(what + " exited with " + code + " (expected " + expected + ")");
      err.printf("newsvault demo: %s exited with %d, expected %d%n", what, code, expected);
      err.flush();
    }
  }

  /** Step 8: the script-built article, loaded in headless Chromium; skipped (and said so) without Chromium. */
  private void rendered(String url, List<String> common) throws Exception {
    step("8. A page whose article a script builds: the crawl in step 1 kept it without text and said so;"
        + " loaded in headless Chromium (render=browser on its seed line) it is archived with its text and a"
        + " screenshot, and check renders it again");
    java.nio.file.Path browser = dev.newsvault.render.RenderSettings.of(dev.newsvault.config.Settings.defaults())
        .browserBinary();
    if (!Files.isExecutable(browser)) {
      out.printf("   skipped: no Chromium at %s (Debian: apt-get install chromium; or set render.browser)%n", browser);
      return;
    }
    java.nio.file.Path seeds = dir.resolve("rendered-seeds");
    Files.createDirectories(seeds);
    Files.writeString(seeds.resolve("app.txt"), url + "\trender=browser depth=0\n", StandardCharsets.UTF_8);
    java.nio.file.Path picture = dir.resolve("ferry-timetable.webp");
    expect(run(common, "crawl", "--fresh", "--seeds", seeds.resolve("app.txt").toString()), ExitCodes.OK,
        "crawl with render=browser");
    expect(run(common, "show", url, "--screenshot", picture.toString()), ExitCodes.OK, "show --screenshot");
    expect(run(common, "check", url), ExitCodes.OK, "check (rendered again, unchanged)");
  }

  /** Lists the exported articles: words and title, from the JSONL the export wrote. */
  private void listExport(Path export) throws IOException {
    if (!Files.exists(export)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        int words = n.path("word_count").asInt(); // the archive's count, as history and show give it
        rows.add(new String[] {String.format(Locale.ROOT, "%,6d", words), n.path("title").asText("")});
      }
    }
    out.printf("%d articles in %s:%n", rows.size(), export);
    out.println(" words  title");
    for (String[] row : rows) {
      out.println(row[0] + "  " + row[1]);
    }
    out.flush();
  }
}
