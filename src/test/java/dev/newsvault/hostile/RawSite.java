package dev.newsvault.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on 127.0.0.1 written on a bare socket, so a route can misbehave in ways a real HTTP server
 * library will not: drip, never end, lie about its length, reset the connection, answer garbage. Every
 * connection is closed after one response. Unknown paths get 404; {@code /robots.txt} is 404 unless routed.
 */
final class RawSite implements AutoCloseable {

  /** Writes one answer (status line, headers, body) to the client, however it likes. */
  interface Route {
    void answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-site");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private volatile boolean closed;

  RawSite() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
    pool.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  InetSocketAddress endpoint() {
    return new InetSocketAddress(server.getInetAddress(), port());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  RawSite route(String path, Route r) {
    routes.put(path, r);
    return this;
  }

  RawSite html(String path, String html) {
    return route(path, ok("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
  }

  /** How many requests reached {@code path}. */
  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** A well-formed answer. */
  static Route ok(String contentType, byte[] body) {
    return answer(200, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
  }

  static Route answer(int status, Map<String, String> headers, byte[] body) {
    return (socket, out) -> {
      StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
      if (!headers.containsKey("Content-Length")) {
        h.append("Content-Length: ").append(body.length).append("\r\n");
      }
      h.append("Connection: close\r\n\r\n");
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    };
  }

  static Route redirect(String location) {
    return answer(302, Map.of("Location", location), new byte[0]);
  }

  /** Headers, then the raw {@code head} text as given (CRLFs included). */
  static void head(OutputStream out, String head) throws IOException {
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      String path = requestPath(in);
      if (path == null) {
        return;
      }
      hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      Route r = routes.get(path);
      if (r == null) {
        r = answer(404, Map.of("Content-Type", "text/plain"), "not here".getBytes(StandardCharsets.UTF_8));
      }
      r.answer(s, out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client went away: expected for the hostile routes
    }
  }

  /** Reads the request head; returns the path (without the query's absence mattering). */
  private static String requestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (head.size() > 64 * 1024) {
        return null;
      }
    }
    String line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    String[] parts = line.split(" ");
    return parts.length < 2 ? null : parts[1];
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    pool.shutdownNow();
  }
}
