package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.newsvault.config.Settings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawler4j's own fetcher trusts every certificate; newsvault's crawl verifies them unless told not to. */
class CrawlTlsTest {

  @TempDir Path dir;
  private HttpsServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Path ks = dir.resolve("self-signed.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "site", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    server.createContext("/", ex -> {
      requests.add(ex.getRequestURI().getPath());
      byte[] body = ex.getRequestURI().getPath().equals("/robots.txt")
          ? "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8)
          : NewsPages.article("Secure story", 4, List.of()).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", ex.getRequestURI().getPath().endsWith(".txt")
          ? "text/plain" : "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/story";
  }

  @Test
  void aSelfSignedCertificateIsRefusedAndNoRequestIsSent() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    Settings s = fx.settings();
    CrawlResult r = fx.crawl(s, List.of(StartUrl.of(url(), s)));
    assertThat(requests).isEmpty();
    assertThat(r.progress().archived()).isZero();
    assertThat(fx.column("SELECT COUNT(*) FROM article")).containsExactly("0");
  }

  @Test
  void tlsInsecureIsTheDocumentedOptOut() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    Settings s = fx.settings("tls.insecure=true", "max.depth=0");
    CrawlResult r = fx.crawl(s, List.of(StartUrl.of(url(), s)));
    assertThat(requests).contains("/story");
    assertThat(r.progress().archived()).isEqualTo(1);
    assertThat(fx.column("SELECT url FROM article")).containsExactly(url());
  }
}
