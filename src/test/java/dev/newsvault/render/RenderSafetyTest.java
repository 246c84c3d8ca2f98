package dev.newsvault.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Chromium through the guarded proxy: a page on an allowed address (127.0.0.1) renders, and the
 * requests its HTML and scripts aim at another loopback address (127.0.0.2, not allowed) are refused and
 * recorded, and never reach the listener there.
 */
class RenderSafetyTest {

  @TempDir Path dir;

  private final MockWebServer site = new MockWebServer();
  private ServerSocket internal;
  private final AtomicInteger internalHits = new AtomicInteger();
  private final Map<String, String> pages = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    internal = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
    Thread t = new Thread(() -> {
      while (!internal.isClosed()) {
        try (Socket s = internal.accept()) {
          internalHits.incrementAndGet();
          s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    site.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String body = pages.get(r.getPath());
        return body == null ? new MockResponse().setResponseCode(404)
            : new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
      }
    });
    site.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    site.shutdown();
    internal.close();
  }

  private Settings settings() {
    return ConfigLoader.load(null, false, Map.of("fetch.allow.addresses", "127.0.0.1", "work.dir",
        dir.resolve("work").toString(), "connect.timeout.ms", "3000", "read.timeout.ms", "10000",
        "render.timeout.ms", "20000", "render.settle.ms", "1000"));
  }

  @Test
  void scriptBuiltTextIsRenderedAndInternalRequestsAreRefused() throws Exception {
    String in = "http://127.0.0.2:" + internal.getLocalPort();
    pages.put("/story", "<!doctype html><html><head><title>Story</title></head><body><div id=a></div>"
        + "<img src='" + in + "/pixel.gif'><iframe src='" + in + "/frame'></iframe>"
        + "<script>document.getElementById('a').innerHTML = '<p>Built by ' + 'a script at load time.</p>';"
        + "fetch('" + in + "/api').catch(function () {});</script></body></html>");
    Set<Long> seen = new HashSet<>();
    try (BrowserPool pool = BrowserPool.open(settings())) {
      Rendering r = pool.render("http://127.0.0.1:" + site.getPort() + "/story", dev.newsvault.fetch.HostRequests.NONE, true);
      seen.addAll(pool.pids());
      assertThat(r.html()).contains("Built by a script at load time.");
      assertThat(r.refused()).anySatisfy(s -> assertThat(s).contains(in + "/pixel.gif"))
          .anySatisfy(s -> assertThat(s).contains(in + "/frame"))
          .anySatisfy(s -> assertThat(s).contains(in + "/api"));
      assertThat(r.screenshot()).isNotNull();
      byte[] img = r.screenshot().image();
      assertThat(new String(img, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    }
    assertThat(internalHits).hasValue(0);
    assertThat(seen).isNotEmpty();
    assertThat(seen).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid " + pid)
        .isNotEqualTo(java.util.Optional.of(true)));
  }
}
