package dev.newsvault.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/** A MockWebServer on 127.0.0.1 serving fixtures by path; {{BASE}} in a fixture becomes the server's URL. */
public final class FixtureServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  public FixtureServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        MockResponse m = routes.get(r.getPath());
        return m != null ? m : new MockResponse().setResponseCode(404).setBody("not found");
      }
    });
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    route("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
  }

  public String base() {
    String s = server.url("/").toString();
    return s.substring(0, s.length() - 1);
  }

  public String url(String path) {
    return base() + path;
  }

  public FixtureServer route(String path, String contentType, String body) {
    routes.put(path, new MockResponse().setHeader("Content-Type", contentType).setBody(body));
    return this;
  }

  public FixtureServer route(String path, MockResponse response) {
    routes.put(path, response);
    return this;
  }

  public FixtureServer fixture(String path, String contentType, String resource) throws IOException {
    return route(path, contentType, fixture(resource));
  }

  public FixtureServer gzipFixture(String path, byte[] gz) {
    routes.put(path, new MockResponse().setHeader("Content-Type", "application/x-gzip").setBody(new Buffer().write(gz)));
    return this;
  }

  public String fixture(String resource) throws IOException {
    return read(resource).replace("{{BASE}}", base());
  }

  public static String read(String resource) throws IOException {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/discovery/" + resource)) {
      if (in == null) {
        throw new IOException("missing test fixture discovery/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public long count(String path) {
    return requests.stream().filter(r -> path.equals(r.getPath())).count();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
