package dev.newsvault.hostile;

import static dev.newsvault.hostile.RawSite.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.crawl.CrawlListener;
import dev.newsvault.crawl.Crawler;
import dev.newsvault.crawl.StartUrl;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.AddressGuard;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.schedule.SeedStarts;
import dev.newsvault.seed.SeedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side request forgery: a public site that leads the crawler to internal addresses, by redirect, link,
 * feed entry, sitemap entry or robots.txt redirect. The public site runs on 127.0.0.1 too, so it is the one
 * endpoint exempted from the guard; a second server on 127.0.0.1 stands for the internal service, and must
 * never see a request. Each refused URL is recorded as {@code blocked_address}, naming the address and the key
 * that would allow it, and the public article beside it is archived.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileSsrfTest {

  @TempDir Path dir;
  private RawSite site;
  private RawSite internal;
  private Vault vault;

  @BeforeEach
  void start() throws Exception {
    site = new RawSite();
    internal = new RawSite();
    internal.html("/admin", Vault.article("Internal admin console", ""));
    site.html("/normal", Vault.article("Library opening hours extended", ""));
    vault = new Vault(dir);
  }

  @AfterEach
  void stop() {
    site.close();
    internal.close();
  }

  private Settings settings() {
    return ConfigLoader.load(null, false, Map.of("politeness.delay.ms", "0", "read.timeout.ms", "1500",
        "connect.timeout.ms", "1500", "threads", "2", "max.depth", "1", "database", vault.db.toString(),
        "work.dir", dir.resolve("work").toString(), "fetch.allow.private", "false"));
  }

  /** Expands the seed lines and crawls them with the guard on, the public site exempt. */
  private void crawl(String... seedLines) throws Exception {
    Settings s = settings();
    Path seeds = Files.writeString(dir.resolve("seeds.txt"), String.join("\n", seedLines) + "\n");
    OkHttpClient client = HttpClients.create(s, AddressGuard.exempting(Set.of(site.endpoint())));
    try (Archive archive = Archive.open(s.database())) {
      HostGate gate = new HostGate(0);
      RobotsPolicy robots = new RobotsPolicy(client, s, gate);
      List<StartUrl> starts = new SeedStarts(s, archive, new PageFetcher(client, s, gate, robots), robots,
          Clock.systemUTC()).startUrls(SeedReader.read(seeds).seeds());
      new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), CrawlListener.NONE, client).run(starts);
    }
  }

  static Stream<Arguments> redirects() {
    return Stream.of(
        Arguments.of("loopback by IPv4", "http://127.0.0.1:%d/admin", "loopback"),
        Arguments.of("loopback by IPv6", "http://[::1]:%d/admin", "loopback"),
        Arguments.of("loopback as IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]:%d/admin", "loopback"),
        Arguments.of("the unspecified address", "http://0.0.0.0:%d/admin", "unspecified"),
        Arguments.of("the cloud metadata service", "http://169.254.169.254/latest/meta-data/?p=%d", "link-local"),
        Arguments.of("a private network", "http://10.0.0.1:%d/", "private"),
        Arguments.of("loopback in decimal notation", "http://2130706433:%d/admin", "loopback"));
  }

  @ParameterizedTest(name = "redirect to {0}")
  @MethodSource("redirects")
  void aRedirectFromAPublicPageToAnInternalAddressIsRefused(String name, String target, String kind)
      throws Exception {
    String to = String.format(target, internal.port());
    site.route("/story", redirect(to));
    crawl(site.url("/story"), site.url("/normal"));

    Vault.Fetch f = vault.fetch(site.url("/story"));
    assertThat(f.kind()).as(f.detail()).isEqualTo("blocked_address");
    assertThat(f.detail()).contains(site.url("/story"), kind, "fetch.allow.private=true");
    assertThat(internal.hits("/admin")).isZero();
    assertThat(vault.versions(site.url("/normal"))).isEqualTo(1);
  }

  @Test
  void aLinkFromAPublicPageToAnInternalAddressIsRefused() throws Exception {
    String admin = internal.url("/admin");
    site.html("/front", "<html><body><a href=\"" + admin + "\">admin</a> <a href=\"/normal\">story</a></body></html>");
    crawl(site.url("/front") + "\tscope=any");

    assertThat(vault.fetch(admin).kind()).isEqualTo("blocked_address");
    assertThat(internal.hits("/admin")).isZero();
    assertThat(vault.versions(site.url("/normal"))).isEqualTo(1);
  }

  @Test
  void aFeedEntryNamingAnInternalAddressIsRefused() throws Exception {
    String admin = internal.url("/admin");
    site.route("/feed.xml", RawSite.ok("application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>News</title><link>" + site.url("/") + "</link><description>d</description>"
        + "<item><title>Admin</title><link>" + admin + "</link></item>"
        + "<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>"
        + "<item><title>Story</title><link>" + site.url("/normal") + "</link></item>"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8)));
    crawl(site.url("/feed.xml") + "\ttype=feed");

    assertThat(vault.fetch(admin).kind()).isEqualTo("blocked_address");
    assertThat(vault.fetch("http://169.254.169.254/latest/meta-data/").kind()).isEqualTo("blocked_address");
    assertThat(internal.hits("/admin")).isZero();
    assertThat(vault.versions(site.url("/normal"))).isEqualTo(1);
  }

  @Test
  void aSitemapEntryNamingAnInternalAddressIsNeverFetched() throws Exception {
    String admin = internal.url("/admin");
    site.route("/sitemap.xml", RawSite.ok("application/xml", ("<?xml version=\"1.0\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>" + admin + "</loc></url><url><loc>http://192.168.0.1/router</loc></url>"
        + "<url><loc>" + site.url("/normal") + "</loc></url></urlset>").getBytes(StandardCharsets.UTF_8)));
    crawl(site.url("/sitemap.xml") + "\ttype=sitemap");

    Vault.Fetch f = vault.fetch(admin);
    assertThat(f == null || "blocked_address".equals(f.kind())).as("refused or not listed: " + f).isTrue();
    Vault.Fetch router = vault.fetch("http://192.168.0.1/router");
    assertThat(router == null || "blocked_address".equals(router.kind())).as("" + router).isTrue();
    assertThat(internal.hits("/admin")).isZero();
    assertThat(vault.versions(site.url("/normal"))).isEqualTo(1);
  }

  @Test
  void aRobotsTxtRedirectToAnInternalAddressIsNotFollowed() throws Exception {
    site.route("/robots.txt", redirect(internal.url("/robots.txt")));
    internal.route("/robots.txt", RawSite.ok("text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8)));
    crawl(site.url("/normal"));

    assertThat(internal.hits("/robots.txt")).isZero();
    assertThat(vault.versions(site.url("/normal"))).isEqualTo(1);
  }

  @Test
  void byDefaultTheCliRefusesLoopbackAndStatsShowsTheKind() throws Exception {
    Path template = Vault.template(dir.resolve("template"), site);
    Vault v = Vault.copyOf(template, dir.resolve("case"));
    List<String> args = new java.util.ArrayList<>(List.of("crawl"));
    args.addAll(v.options());
    int key = args.indexOf("fetch.allow.private=true");
    args.remove(key); // the value,
    args.remove(key - 1); // and its --set: the default applies
    Files.writeString(v.dir.resolve("seeds.txt"), internal.url("/admin") + "\n");
    args.addAll(List.of("--set", "seeds=" + v.dir.resolve("seeds.txt")));
    assertThat(args).doesNotContain("fetch.allow.private=true");
    Vault.Run r = Vault.cli(args.toArray(String[]::new));

    assertThat(r.code()).as(r.all()).isNotEqualTo(70);
    assertThat(v.fetch(internal.url("/admin")).kind()).isEqualTo("blocked_address");
    assertThat(internal.hits("/admin")).isZero();
    Vault.Run stats = v.run("stats");
    assertThat(stats.out()).contains("blocked_address", internal.url("/admin"), "127.0.0.1",
        "fetch.allow.private=true");
    v.earlierKept(site);
  }
}
