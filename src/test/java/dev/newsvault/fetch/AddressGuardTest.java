package dev.newsvault.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {

  private final MockWebServer publicSite = new MockWebServer();
  private final MockWebServer internal = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    publicSite.start();
    internal.start();
  }

  @AfterEach
  void stop() throws Exception {
    publicSite.shutdown();
    internal.shutdown();
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, true", "127.255.0.9, true", "0.0.0.0, true", "10.1.2.3, true", "172.16.0.1, true",
      "172.31.255.255, true", "172.32.0.1, false", "192.168.1.1, true", "100.64.0.1, true", "100.128.0.1, false",
      "169.254.169.254, true", "224.0.0.1, true", "239.255.255.250, true", "255.255.255.255, true",
      "240.0.0.1, true", "8.8.8.8, false", "93.184.216.34, false", "172.15.255.255, false",
      "::1, true", "::, true", "fe80::1, true", "febf::1, true", "fc00::1, true", "fd12:3456::1, true",
      "ff02::1, true", "::ffff:127.0.0.1, true", "::ffff:169.254.169.254, true", "::ffff:8.8.8.8, false",
      "::127.0.0.1, true", "64:ff9b::a00:1, true", "64:ff9b::808:808, false", "2002:7f00:1::, true",
      "2002:808:808::, false", "2001:4860:4860::8888, false", "2a00:1450:4001::1, false"})
  void classifiesAddresses(String address, boolean internalAddress) throws Exception {
    assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).as(address).isEqualTo(internalAddress);
  }

  private static Settings settings(boolean allowPrivate) {
    return ConfigLoader.load(null, false, Map.of("politeness.delay.ms", "0", "read.timeout.ms", "2000",
        "connect.timeout.ms", "2000", "max.redirects", "5", "fetch.allow.private", String.valueOf(allowPrivate)));
  }

  /** A fetcher that treats {@code publicSite} as a public server and refuses every other internal address. */
  private PageFetcher fetcher(OkHttpClient client, Settings s) {
    HostGate gate = new HostGate(0);
    return new PageFetcher(client, s, gate, new RobotsPolicy(client, s, gate));
  }

  private OkHttpClient guardedClient(Settings s) throws Exception {
    InetSocketAddress pub = new InetSocketAddress(InetAddress.getByName(publicSite.getHostName()), publicSite.getPort());
    return HttpClients.create(s, AddressGuard.exempting(Set.of(pub)));
  }

  private static MockResponse redirect(String to) {
    return new MockResponse().setResponseCode(302).setHeader("Location", to);
  }

  @Test
  void aRedirectFromAPublicPageToLoopbackIsRefusedAndNamesTheKey() throws Exception {
    Settings s = settings(false);
    publicSite.enqueue(new MockResponse().setResponseCode(404)); // robots.txt
    publicSite.enqueue(redirect(internal.url("/admin").toString()));
    internal.enqueue(new MockResponse().setBody("<html>internal admin</html>"));
    Capture c = fetcher(guardedClient(s), s).fetch(publicSite.url("/story").toString(), Validators.NONE);
    assertThat(c.ok()).isFalse();
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.BLOCKED_ADDRESS);
    assertThat(c.failure().kind().code()).isEqualTo("blocked_address");
    assertThat(c.failure().detail()).contains(internal.url("/admin").toString(), "redirected from",
        "127.0.0.1", "loopback", "fetch.allow.private=true");
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void aRedirectToTheCloudMetadataAddressIsRefusedWithoutConnecting() throws Exception {
    Settings s = settings(false);
    publicSite.enqueue(new MockResponse().setResponseCode(404));
    publicSite.enqueue(redirect("http://169.254.169.254/latest/meta-data/"));
    Capture c = fetcher(guardedClient(s), s).fetch(publicSite.url("/story").toString(), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.BLOCKED_ADDRESS);
    assertThat(c.failure().detail()).contains("169.254.169.254", "link-local");
  }

  @Test
  void aHostNameThatResolvesToLoopbackIsRefusedAtConnectEvenWhenDnsIsReplaced() throws Exception {
    Settings s = settings(false);
    // A resolver that answers with an internal address (as a rebinding DNS server would on the second
    // lookup): the socket check refuses the address actually connected to.
    OkHttpClient client = HttpClients.create(s).newBuilder()
        .dns(host -> List.of(InetAddress.getByName("127.0.0.1"))).build();
    String url = "http://news.example:" + internal.getPort() + "/";
    Capture c = fetcher(client, s).fetch(url, Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.BLOCKED_ADDRESS);
    assertThat(c.failure().detail()).contains(url, "127.0.0.1");
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void aRobotsTxtRedirectToAnInternalAddressIsNotFollowedAndThePageIsStillFetched() throws Exception {
    Settings s = settings(false);
    publicSite.enqueue(redirect(internal.url("/robots.txt").toString()));
    publicSite.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>story</p>"));
    Capture c = fetcher(guardedClient(s), s).fetch(publicSite.url("/story").toString(), Validators.NONE);
    assertThat(c.ok()).isTrue();
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void allowPrivateLetsLoopbackThrough() throws Exception {
    Settings s = settings(true);
    internal.enqueue(new MockResponse().setResponseCode(404));
    internal.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>local</p>"));
    Capture c = fetcher(HttpClients.create(s), s).fetch(internal.url("/").toString(), Validators.NONE);
    assertThat(c.ok()).isTrue();
  }

  @Test
  void theDefaultSettingsRefuseALiteralLoopbackUrl() throws Exception {
    Settings s = Settings.defaults();
    assertThat(s.allowPrivate()).isFalse();
    Capture c = fetcher(HttpClients.create(s), s).fetch(internal.url("/").toString(), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.BLOCKED_ADDRESS);
    assertThat(internal.getRequestCount()).isZero();
  }
}
