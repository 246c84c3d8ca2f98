package dev.newsvault.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsvault.cli.Main;
import dev.newsvault.serve.WebApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A script-built article crawled twice with {@code render=browser} through the real CLI, then read back:
 * {@code show --screenshot} writes the picture, {@code export --format warc} writes the screenshot and the
 * rendered DOM as resource records concurrent to the response, and {@code serve} shows the screenshot on the
 * article page and both versions' side by side on the diff page (checked in a real browser with Selenium).
 */
class RenderedArchiveTest {

  @TempDir Path dir;
  private HttpServer site;
  private final AtomicReference<String> story = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    site.createContext("/", ex -> {
      byte[] body = ex.getRequestURI().getPath().equals("/story") ? story.get().getBytes(StandardCharsets.UTF_8)
          : new byte[0];
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    site.start();
  }

  @AfterEach
  void stop() {
    site.stop(0);
  }

  /** An article page whose paragraphs only a script writes. */
  static String scriptBuilt(String title, String sentence) {
    StringBuilder js = new StringBuilder("var t = '" + title + "'; var s = '" + sentence + "';"
        + " var h = '<article><h1>' + t + '</h1>';"
        + " for (var i = 1; i <= 8; i++) { h += '<p>' + s + ' This is paragraph ' + i + ' of the story about the"
        + " harbour, written by the page script after the page loaded.</p>'; }"
        + " document.getElementById('app').innerHTML = h + '</article>';");
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
        + "<body><div id=\"app\"></div><script>" + js + "</script></body></html>";
  }

  private String[] crawlArgs(Path seeds, Path db) {
    return new String[] {"crawl", "--db", db.toString(), "--set", "seeds=" + seeds, "--set",
        "fetch.allow.addresses=127.0.0.1", "--set", "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("work"),
        "--set", "render.settle.ms=500", "--set", "resumable=false"};
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aRenderedArticleIsShownWrittenExportedAndServedWithItsScreenshots() throws Exception {
    String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/story";
    Path seeds = Files.writeString(dir.resolve("seeds.txt"), url + "\trender=browser depth=0\n");
    Path db = dir.resolve("archive.db");
    story.set(scriptBuilt("Harbour reopens", "The harbour reopened on Monday after repairs."));
    Run first = cli(crawlArgs(seeds, db));
    assertThat(first.code()).as(first.err()).isZero();
    story.set(scriptBuilt("Harbour reopens", "The harbour reopened on Tuesday after long repairs."));
    Run second = cli(crawlArgs(seeds, db));
    assertThat(second.code()).as(second.err()).isZero();

    // check renders the page again (its version came from the rendered DOM): the script's new text is a change
    story.set(scriptBuilt("Harbour reopens", "The harbour reopened on Wednesday after long repairs."));
    Run check = cli("check", url, "--db", db.toString(), "--set", "fetch.allow.addresses=127.0.0.1", "--set",
        "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("work"), "--set", "render.settle.ms=500");
    assertThat(check.code()).as(check.out() + check.err()).isEqualTo(dev.newsvault.cli.ExitCodes.CHANGED);
    Run third = cli("show", url, "--db", db.toString(), "--screenshot", dir.resolve("v3.webp").toString());
    assertThat(third.out()).contains("Version:      3 of 3", "reopened on Wednesday");

    Path png = dir.resolve("v1.webp");
    Run show = cli("show", url, "--db", db.toString(), "--version", "1", "--screenshot", png.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("reopened on Monday");
    byte[] image = Files.readAllBytes(png);
    assertThat(new String(image, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(image, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");

    Path warc = dir.resolve("out.warc");
    Run export = cli("export", "--db", db.toString(), "--format", "warc", "--all-versions", "--out", warc.toString());
    assertThat(export.code()).as(export.err()).isZero();
    List<String> responses = new ArrayList<>();
    List<WarcResource> views = new ArrayList<>();
    List<String> doms = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse r) {
          responses.add(r.id().toString());
        } else if (rec instanceof WarcResource r && r.target().equals("urn:view:" + url)) {
          assertThat(r.contentType().toString()).isEqualTo("image/webp");
          assertThat(r.concurrentTo()).isNotEmpty();
          views.add(r);
        } else if (rec instanceof WarcResource r && r.target().equals("urn:dom:" + url)) {
          assertThat(r.concurrentTo()).isNotEmpty();
          doms.add(r.concurrentTo().get(0) + " " + new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(views).hasSize(3);
    assertThat(views).allSatisfy(v -> assertThat(responses).contains(v.concurrentTo().get(0).toString()));
    assertThat(doms).anySatisfy(d -> assertThat(d).contains("reopened on Monday", "<article>"))
        .anySatisfy(d -> assertThat(d).contains("reopened on Tuesday"));

    readByWarcio(warc, url);
    served(db);
  }

  /**
   * warcio.js, an independent reader, sees the same resource records tied to the responses. Installed by
   * {@code .ci/run} into target/warcio (or NEWSVAULT_WARCIO); outside CI a missing warcio skips this part.
   */
  private static void readByWarcio(Path warc, String url) throws Exception {
    String named = System.getenv("NEWSVAULT_WARCIO");
    Path warcio = named != null && !named.isBlank() ? Path.of(named)
        : Path.of("target", "warcio", "node_modules", ".bin", "warcio").toAbsolutePath();
    if (!Files.isExecutable(warcio)) {
      assertThat(System.getenv("CI")).as("CI must check the WARC with warcio.js at " + warcio).isNotEqualTo("true");
      System.err.println("SKIPPED the warcio.js part of RenderedArchiveTest: no " + warcio);
      return;
    }
    Process p = new ProcessBuilder(warcio.toString(), "index", warc.toString(), "--fields",
        "warc-type,warc-target-uri,warc-concurrent-to,content-type").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String index = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(index).isZero();
    List<String> views = index.lines().filter(l -> l.contains("\"urn:view:" + url + "\"")).toList();
    assertThat(views).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"warc-type\":\"resource\"",
        "\"warc-concurrent-to\":\"<urn:uuid:", "image/webp"));
    assertThat(index.lines().filter(l -> l.contains("\"urn:dom:" + url + "\""))).hasSize(3);
  }

  /** serve: the screenshot on the article page, both versions' side by side on the diff page. */
  private void served(Path db) throws Exception {
    Set<Long> before = pids();
    try (WebApp app = WebApp.start(db, "127.0.0.1", 0)) {
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(Path.of("/usr/bin/chromium").toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--user-data-dir=" + Files.createDirectories(dir.resolve("selenium-profile")));
      WebDriver driver = new ChromeDriver(service, options);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://127.0.0.1:" + app.port();
        driver.get(base + "/articles/1");
        WebElement img = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screenshot")));
        wait.until(d -> loaded(d, img));
        assertThat(img.getAttribute("src")).endsWith("/articles/1/screenshot/3");
        driver.get(base + "/articles/1/diff/1/2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screenshots")));
        List<WebElement> shots = driver.findElements(By.cssSelector("#screenshots img.screenshot"));
        assertThat(shots).hasSize(2);
        for (WebElement s : shots) {
          wait.until(d -> loaded(d, s));
        }
      } finally {
        driver.quit();
        service.stop();
      }
    }
    Set<Long> left = pids();
    left.removeAll(before);
    assertThat(left).as("processes left by the browser").isEmpty();
  }

  private static boolean loaded(WebDriver d, WebElement img) {
    Object w = ((JavascriptExecutor) d).executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0",
        img);
    return w instanceof Number n && n.intValue() > 0;
  }

  private static Set<Long> pids() {
    Set<Long> out = new HashSet<>();
    ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(h -> out.add(h.pid()));
    return out;
  }
}
