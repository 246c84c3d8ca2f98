package dev.newsvault.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * An HTTP server on 127.0.0.1 serving fixture sites, one per host name (127.0.0.1 and localhost reach the
 * same socket but are different hosts to the crawler), and logging every request it receives.
 */
final class FixtureServer implements AutoCloseable {

  /** One response: status, headers, body, and optional misbehaviour. */
  record Reply(int status, Map<String, String> headers, byte[] body, long delayMs, boolean chunked) {

    static Reply html(String html) {
      return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"), bytes(html), 0, false);
    }

    static Reply of(int status, String contentType, byte[] body) {
      return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body, 0, false);
    }

    static Reply redirect(int status, String location) {
      return new Reply(status, Map.of("Location", location), new byte[0], 0, false);
    }

    Reply delayed(long ms) {
      return new Reply(status, headers, body, ms, chunked);
    }

    Reply asChunked() {
      return new Reply(status, headers, body, delayMs, true);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new java.util.HashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, delayMs, chunked);
    }
  }

  /** One request as the server saw it. */
  record Hit(String host, String path, long nanos, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final Map<String, Reply> routes = new ConcurrentHashMap<>();
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final Map<String, Runnable> actions = new ConcurrentHashMap<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();

  FixtureServer() throws IOException {
    // Without TCP_NODELAY each response stalls ~40 ms (Nagle against delayed ACK).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The URL of {@code path} on {@code host} (127.0.0.1 or localhost). */
  String url(String host, String path) {
    return "http://" + host + ":" + port() + path;
  }

  void route(String host, String path, Reply reply) {
    routes.put(host + path, reply);
  }

  /** Runs {@code action} whenever {@code path} is requested, before answering 404 (or its route). */
  void onRequest(String path, Runnable action) {
    actions.put(path, action);
  }

  /** Each request as "HOST/PATH X-Key=... Cookie=...", for tests of per-site headers and cookies. */
  List<String> sent() {
    return new ArrayList<>(sent);
  }

  List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  List<String> paths(String host) {
    return hits.stream().filter(h -> h.host().equals(host)).map(Hit::path).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String hostHeader = ex.getRequestHeaders().getFirst("Host");
    String host = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    String path = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    hits.add(new Hit(host, path, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent")));
    sent.add(host + path + " X-Key=" + ex.getRequestHeaders().getFirst("X-Key") + " Cookie="
        + ex.getRequestHeaders().getFirst("Cookie"));
    Runnable action = actions.get(path);
    if (action != null) {
      action.run();
    }
    Reply r = routes.get(host + path);
    if (r == null) {
      r = Reply.of(404, "text/html", bytes("<html><body><h1>Not found</h1></body></html>"));
    }
    try (ex) {
      if (r.delayMs() > 0) {
        try {
          Thread.sleep(r.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      boolean noBody = r.body().length == 0 || r.status() == 304 || r.status() / 100 == 3;
      ex.sendResponseHeaders(r.status(), noBody ? -1 : r.chunked() ? 0 : r.body().length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    } catch (IOException e) {
      // the client gave up (timeout, too large): expected for some fixtures
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
