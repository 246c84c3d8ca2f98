package dev.newsvault.bench;

import com.sun.net.httpserver.HttpServer;
import dev.newsvault.archive.Archive;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import dev.newsvault.notify.NoticeWorker;
import dev.newsvault.notify.NotifyConfig;
import dev.newsvault.notify.PassSummary;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * How fast the notice queue drains: N articles get a second version (which queues N notices), then one worker
 * pass routes them and posts them, signed, to a webhook receiver on 127.0.0.1; then the same with an hourly cap
 * of one message, which sends them all as one digest. Prints the store time of the first and the second
 * versions (the second ones queue a notice each) and notices per second delivered.
 *
 * <p>Usage: {@code NotifyBenchmark DIR [N]} (default 2000).
 */
public final class NotifyBenchmark {

  private NotifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Files.createDirectories(dir);
    AtomicInteger posts = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", x -> {
      try (InputStream in = x.getRequestBody()) {
        in.readAllBytes();
        posts.incrementAndGet();
        x.sendResponseHeaders(204, -1);
      } finally {
        x.close();
      }
    });
    server.start();
    OkHttpClient client = new OkHttpClient();
    try {
      for (String cap : List.of("0", "1")) {
        Path db = dir.resolve("notify-" + cap + ".db");
        Files.deleteIfExists(db);
        Map<String, String> keys = new HashMap<>(Map.of("notify.bench.type", "webhook", "notify.bench.url",
            "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "notify.bench.allow-private", "true",
            "notify.bench.secret.env", "BENCH_SECRET", "notify.bench.per-hour", cap,
            "seeds", dir.resolve("no-seeds").toString()));
        NotifyConfig config = NotifyConfig.from(ConfigLoader.load(null, false, keys), client);
        try (Archive a = Archive.open(db)) {
          long run = a.startRun("bench", "notify");
          long t0 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            store(a, run, i, "first");
          }
          a.flush();
          long t1 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            store(a, run, i, "second");
          }
          a.flush();
          long t2 = System.nanoTime();
          int before = posts.get();
          PassSummary p;
          try (NoticeWorker w = new NoticeWorker(a, config, dir.resolve("no-seeds"), Clock.systemUTC())) {
            p = w.pass();
          }
          long t3 = System.nanoTime();
          System.out.printf(Locale.ROOT, "per-hour=%s: %,d first versions stored in %.2f s, %,d second versions"
              + " (each queueing a notice) in %.2f s; %,d notices routed and sent in %,d POSTs in %.2f s: %.0f"
              + " notices/s%n", cap, n, (t1 - t0) / 1e9, n, (t2 - t1) / 1e9, p.sent(), posts.get() - before,
              (t3 - t2) / 1e9, p.sent() / ((t3 - t2) / 1e9));
        }
      }
    } finally {
      server.stop(0);
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static void store(Archive a, long run, int i, String word) throws Exception {
    String url = "http://bench.test/news/" + i;
    String text = "Story " + i + " tells of the harbour and the council, which met on Monday. The " + word
        + " draft of the plan was discussed for three hours.\n\nThe mayor said the city would decide soon.";
    Capture c = new Capture(url, url, 200, Instant.now(), 1, "text/html; charset=utf-8", null, null, Map.of(),
        ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), null);
    a.store(run, c, new Article(url, url, "Story " + i, List.of("Ann Writer"), "2026-01-01", null, "Bench", "en",
        null, List.of(), null, text));
  }
}
