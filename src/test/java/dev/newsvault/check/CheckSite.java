package dev.newsvault.check;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.fetch.Validators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A news site on 127.0.0.1 whose pages a test sets and changes, an archive in a temporary folder, and the
 * checker wired as the CLI wires it (politeness 0, robots.txt 404 = allowed, short read timeout).
 */
final class CheckSite implements AutoCloseable {

  final MockWebServer server = new MockWebServer();
  final Map<String, MockResponse> pages = new ConcurrentHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final Path db;
  final Settings settings;
  final OkHttpClient client;
  final PageFetcher fetcher;
  final ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);

  CheckSite(Path dir) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (!"/robots.txt".equals(r.getPath())) {
          requests.add(r);
        }
        MockResponse m = pages.get(r.getPath());
        return m != null ? m : new MockResponse().setResponseCode(404).setBody("not found");
      }
    });
    server.start();
    db = dir.resolve("news.db");
    settings = ConfigLoader.load(dir.resolve("none.properties"), false, Map.of("politeness.delay.ms", "0", "read.timeout.ms", "400",
        "connect.timeout.ms", "1000", "database", db.toString(), "check.concurrency", "4",
        "fetch.allow.private", "true"));
    client = HttpClients.create(settings);
    HostGate gate = new HostGate(0);
    fetcher = new PageFetcher(client, settings, gate, new RobotsPolicy(client, settings, gate));
  }

  String url(String path) {
    return server.url(path).toString();
  }

  /** Serves {@code html} at {@code path} with the given validators (either may be null). */
  void serve(String path, String html, String etag, String lastModified) {
    MockResponse m = new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(html);
    if (etag != null) {
      m.setHeader("ETag", etag);
    }
    if (lastModified != null) {
      m.setHeader("Last-Modified", lastModified);
    }
    pages.put(path, m);
  }

  void serve(String path, String html) {
    serve(path, html, null, null);
  }

  void serve(String path, MockResponse response) {
    pages.put(path, response);
  }

  /** Crawls {@code path} once into the archive, as a crawl would: fetch, extract, store. */
  StoreResult archive(Archive archive, String path) throws InterruptedException, ArchiveException {
    Capture c = fetcher.fetch(url(path), Validators.NONE);
    long run = archive.startRun("crawl", "test setup");
    StoreResult r = archive.store(run, c, extractor.extract(c.body(), c.contentType(), c.finalUrl()));
    archive.flush();
    return r;
  }

  /** What one in-process run of the CLI printed. */
  record CliRun(int code, String out, String err) {}

  /** Runs newsvault in-process on this site's archive (politeness 0, short read timeout, 127.0.0.1 allowed). */
  CliRun cli(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString(), "--set", "politeness.delay.ms=0", "--set", "read.timeout.ms=400",
        "--set", "fetch.allow.private=true"));
    java.io.StringWriter o = new java.io.StringWriter();
    java.io.StringWriter e = new java.io.StringWriter();
    int code = dev.newsvault.cli.Main.run(all.toArray(String[]::new), new java.io.PrintWriter(o),
        new java.io.PrintWriter(e));
    return new CliRun(code, o.toString(), e.toString());
  }

  ArticleChecker checker(Archive archive) {
    return new ArticleChecker(settings, archive, fetcher, extractor);
  }

  @Override
  public void close() throws IOException {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.shutdown();
  }
}
