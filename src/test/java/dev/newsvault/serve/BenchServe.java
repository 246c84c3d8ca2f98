package dev.newsvault.serve;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.ReadPool;
import dev.newsvault.archive.SearchQueries;
import dev.newsvault.archive.SearchQuery;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.export.BenchArchive;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark for bench/serve.sh, not a test. {@code build DB N}: the export benchmark's synthetic archive of N
 * articles, plus a second, edited version of every 20th article. {@code load URL CLIENTS REQUESTS}: that many
 * requests per route from CLIENTS threads against a running serve, printing p50/p95/max per route.
 */
public final class BenchServe {

  private static final String[] SEARCHES = {"q=ka", "q=kalo", "q=ment+ter", "q=%22kamo+ri%22", "q=sta*", "q=vilo",
      "q=conpre&sort=newest", "q=anmi&site=site3.example", "q=rading&changed=1", "q=tion&lang=de", "q=porde&page=3"};

  public static void main(String[] args) throws Exception {
    if (args[0].equals("build")) {
      build(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args[0].equals("queries")) {
      queries(Path.of(args[1]), Integer.parseInt(args[2]));
    } else {
      load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
  }

  static void build(Path db, int n) throws Exception {
    if (Files.exists(db)) {
      System.out.println("using the existing " + db);
      return;
    }
    BenchArchive.main(new String[] {db.toString(), Integer.toString(n)});
    long t0 = System.nanoTime();
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("bench", "edits for the serve benchmark");
      int edits = 0;
      for (int i = 0; i < n; i += 20) {
        String url = "https://site" + (i % 20) + ".example/2025/" + (i % 12 + 1) + "/story-" + i;
        ArticleRecord r = a.reader().article(url).orElse(null);
        if (r == null) {
          continue;
        }
        List<VersionRecord> vs = a.reader().versions(r.id());
        VersionRecord v = vs.get(vs.size() - 1);
        String text = v.text().replaceFirst("\\. ", ". Officials later corrected the figures. ");
        Instant at = Instant.parse(v.fetchedAt()).plus(Duration.ofDays(1 + i % 5));
        Capture c = new Capture(url, url, 200, at, 50, "text/html; charset=utf-8", null, null, Map.of(),
            text.getBytes(StandardCharsets.UTF_8), null);
        a.store(run, c, new Article(url, url, v.title() + " (updated)", v.authors(), v.published(), null,
            v.siteName(), v.language(), v.description(), v.tags(), null, text));
        edits++;
      }
      System.out.printf("stored %d edited versions in %.1f s%n", edits, (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * Times each benchmark search straight against the archive, without HTTP: {@code rounds} runs of each, after
   * one to warm up, printing p50 (wall and CPU) and max per search: which query makes the search page slow.
   */
  static void queries(Path db, int rounds) throws Exception {
    try (ReadPool pool = ReadPool.open(db, 1)) {
      SearchQueries search = new SearchQueries(pool);
      for (String s : SEARCHES) {
        Map<String, String> p = new java.util.HashMap<>();
        for (String kv : s.split("&")) {
          String[] x = kv.split("=", 2);
          p.put(x[0], java.net.URLDecoder.decode(x[1], StandardCharsets.UTF_8));
        }
        SearchQuery q = new SearchQuery(p.get("q"), p.get("site"), null, null, p.get("lang"), p.containsKey("changed"),
            false, "newest".equals(p.get("sort")), Integer.parseInt(p.getOrDefault("page", "1")));
        SearchQueries.Result r = search.search(q);
        List<Long> ms = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
          long t0 = System.nanoTime();
          long c0 = threads.getCurrentThreadCpuTime();
          search.search(q);
          cpu.add(threads.getCurrentThreadCpuTime() - c0);
          ms.add(System.nanoTime() - t0);
        }
        Collections.sort(ms);
        Collections.sort(cpu);
        // CPU time as well as wall time: on a loaded machine the wall time mostly measures the other work
        System.out.printf("%-32s %5d%s results  p50 %6.1f ms (CPU %5.1f ms)  max %6.1f ms%n", s, r.total(),
            r.more() ? "+" : " ", pct(ms, 50), pct(cpu, 50), ms.get(ms.size() - 1) / 1e6);
      }
    }
  }

  static void load(String base, int clients, int perRoute) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    SplittableRandom rnd = new SplittableRandom(7);
    long articles = Long.parseLong(get(http, base + "/api/home").replaceAll("(?s).*\"articles\" : (\\d+).*", "$1"));
    Map<String, List<String>> routes = new java.util.LinkedHashMap<>();
    List<String> search = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    List<String> articlePages = new ArrayList<>();
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < perRoute; i++) {
      search.add("/search?" + SEARCHES[i % SEARCHES.length]);
      long id = 1 + rnd.nextLong(articles);
      articlePages.add("/articles/" + id);
      long changed = 1 + 20L * rnd.nextLong(Math.max(1, articles / 20));
      diffs.add("/articles/" + changed + "/diff/1/2");
      pages.add(List.of("/", "/sites", "/sites/site" + rnd.nextInt(20) + ".example", "/feed.atom", "/api/home")
          .get(i % 5));
    }
    routes.put("search (11 queries, filters, paging)", search);
    routes.put("article", articlePages);
    routes.put("diff", diffs);
    routes.put("home, sites, site, feed, api/home", pages);
    for (String u : List.of("/", "/sites", "/search?q=kalo", "/articles/1")) {
      get(http, base + u); // warm up the JIT and SQLite's page cache a little
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (var e : routes.entrySet()) {
        List<Future<Long>> times = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        for (String path : e.getValue()) {
          times.add(pool.submit(() -> {
            long s = System.nanoTime();
            try {
              get(http, base + path);
            } catch (IllegalStateException notOk) {
              failed.incrementAndGet();
            }
            return System.nanoTime() - s;
          }));
        }
        List<Long> ms = new ArrayList<>();
        for (Future<Long> f : times) {
          ms.add(f.get());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Collections.sort(ms);
        System.out.printf("%-40s %5d requests  p50 %6.1f ms  p95 %6.1f ms  max %7.1f ms  %6.0f req/s  %d not 200%n",
            e.getKey(), ms.size(), pct(ms, 50), pct(ms, 95), ms.get(ms.size() - 1) / 1e6, ms.size() / wall,
            failed.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }
}
