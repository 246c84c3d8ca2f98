package dev.newsvault.render;

import dev.newsvault.fetch.BlockedAddressException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forward HTTP proxy every request of one browser goes through (page, redirects, scripts, images,
 * frames, a page script's fetch()). It connects with the fetch package's address guard, on the address
 * actually connected to after its own DNS lookup, so the browser is held to the same rule as plain fetches:
 * no internal address unless {@code fetch.allow.private} or {@code fetch.allow.addresses} says so. A refused
 * request gets a 403 and is remembered until {@link #takeRefusals()}, so the page that asked is recorded with
 * it. HTTPS goes through CONNECT as an opaque tunnel; plain HTTP is forwarded one request per connection.
 * Listens on 127.0.0.1 only.
 */
final class GuardedProxy implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedProxy.class);
  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_CONNECTIONS = 64;

  /** Opens a connection to a host and port, refusing what the guard refuses. */
  interface Connector {
    Socket connect(String host, int port, int timeoutMs) throws IOException;
  }

  private final Connector connector;
  private final int connectTimeoutMs;
  private final int readTimeoutMs;
  private final ServerSocket server;
  private final ExecutorService pool;
  private final List<String> refusals = new ArrayList<>();
  private final AtomicInteger threadIds = new AtomicInteger();

  GuardedProxy(Connector connector, int connectTimeoutMs, int readTimeoutMs) throws IOException {
    this.connector = connector;
    this.connectTimeoutMs = connectTimeoutMs;
    this.readTimeoutMs = readTimeoutMs;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.pool = new ThreadPoolExecutor(2, MAX_CONNECTIONS * 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "render-proxy-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    Thread acceptor = new Thread(this::acceptLoop, "render-proxy-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The {@code host:port} to give the browser as {@code --proxy-server}. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** The requests refused since the last call, each as "URL or host: reason". */
  synchronized List<String> takeRefusals() {
    List<String> out = List.copyOf(refusals);
    refusals.clear();
    return out;
  }

  private synchronized void refused(String what, String why) {
    if (refusals.size() < 100) {
      refusals.add(what + ": " + why);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      try {
        pool.execute(() -> handle(client));
      } catch (RuntimeException e) {
        closeQuietly(client); // too many connections at once: the browser retries or records the failure
      }
    }
  }

  private void handle(Socket client) {
    Socket upstream = null;
    try (client) {
      client.setSoTimeout(readTimeoutMs);
      InputStream cin = client.getInputStream();
      OutputStream cout = client.getOutputStream();
      byte[] head = readHead(cin);
      if (head == null) {
        return;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
      if (requestLine.length != 3) {
        reply(cout, 400, "Bad Request", "not an HTTP request");
        return;
      }
      String method = requestLine[0];
      String target = requestLine[1];
      boolean tunnel = method.equals("CONNECT");
      String host;
      int port;
      String what;
      if (tunnel) {
        int colon = target.lastIndexOf(':');
        host = colon < 0 ? target : target.substring(0, colon);
        port = colon < 0 ? 443 : Integer.parseInt(target.substring(colon + 1));
        what = "https://" + target;
      } else {
        URI u = URI.create(target);
        if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
          reply(cout, 400, "Bad Request", "only http:// URLs and CONNECT are proxied");
          return;
        }
        host = u.getHost();
        port = u.getPort() < 0 ? 80 : u.getPort();
        what = target;
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        upstream = connector.connect(host, port, connectTimeoutMs);
      } catch (BlockedAddressException e) {
        refused(what, e.getMessage());
        LOG.info("browser request refused: {}: {}", what, e.getMessage());
        reply(cout, 403, "Forbidden", "newsvault refused this request: " + e.getMessage());
        return;
      } catch (IOException e) {
        reply(cout, 502, "Bad Gateway", "cannot connect to " + host + ":" + port + ": " + e.getMessage());
        return;
      }
      upstream.setSoTimeout(readTimeoutMs);
      OutputStream uout = upstream.getOutputStream();
      if (tunnel) {
        cout.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        cout.flush();
      } else {
        uout.write(originForm(text, requestLine).getBytes(StandardCharsets.ISO_8859_1));
        uout.flush();
      }
      Socket up = upstream;
      pool.execute(() -> pump(client, cin, up, uout));
      pump(up, up.getInputStream(), client, cout);
    } catch (IOException | RuntimeException e) {
      LOG.debug("proxy connection ended: {}", e.toString());
    } finally {
      closeQuietly(upstream);
    }
  }

  /** The request head rewritten for the origin server: origin-form target, no proxy headers, one request. */
  private static String originForm(String head, String[] requestLine) {
    URI u = URI.create(requestLine[1]);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (u.getRawQuery() != null) {
      path += "?" + u.getRawQuery();
    }
    StringBuilder b = new StringBuilder();
    b.append(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String lower = lines[i].toLowerCase(Locale.ROOT);
      if (lines[i].isEmpty() || lower.startsWith("proxy-") || lower.startsWith("connection:")
          || lower.startsWith("keep-alive:")) {
        continue;
      }
      b.append(lines[i]).append("\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    return b.toString();
  }

  /** Copies {@code in} to {@code out} until either side ends, then closes both sockets. */
  private static void pump(Socket from, InputStream in, Socket to, OutputStream out) {
    byte[] buf = new byte[32 * 1024];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a timeout or a reset ends the exchange
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Reads up to the blank line that ends a request head; null if the client went away first. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
    int state = 0;
    while (b.size() < MAX_HEAD) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      b.write(c);
      state = switch (state) {
        case 0, 2 -> c == '\r' ? state + 1 : 0;
        case 1 -> c == '\n' ? 2 : (c == '\r' ? 1 : 0);
        case 3 -> c == '\n' ? 4 : (c == '\r' ? 1 : 0);
        default -> 0;
      };
      if (state == 4) {
        return b.toByteArray();
      }
    }
    return null;
  }

  private static void reply(OutputStream out, int code, String reason, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + code + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing to do
    }
    pool.shutdownNow();
  }

}
