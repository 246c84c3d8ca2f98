package dev.newsvault.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * newsvault serve in a real browser: headless Chromium driven by Selenium through the system's chromedriver
 * (set explicitly, so nothing is ever downloaded). Without Chromium the tests are skipped with a message,
 * except in CI (CI=true), where they must run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  WebArchive archive;
  WebApp app;
  ChromeDriverService service;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void start() throws Exception {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + " (Debian: apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + why);
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.assumeTrue(false, "SKIPPED: " + why);
    }
    archive = WebArchive.build(dir.resolve("archive.db"));
    app = WebApp.start(archive.db, "127.0.0.1", 0);
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1200,900", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (app != null) {
      app.close();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void searchAPhraseOpenTheArticleAndItsDiff() throws Exception {
    driver.get(url("/"));
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.quick input[name=q]")));
    box.sendKeys("\"transit budget\"");
    box.submit();
    WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.hit a.hit-title")));
    List<WebElement> marks = driver.findElements(By.cssSelector("li.hit mark"));
    assertThat(marks).extracting(WebElement::getText).contains("transit budget");
    screenshot("search.png");

    hit.click();
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-title")));
    assertThat(title.getText()).isEqualTo("Council approves transit budget, again");
    assertThat(driver.findElement(By.id("article-text")).getText()).contains("1.4 million");

    driver.findElement(By.cssSelector("a.diff-link")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inline-diff")));
    assertThat(driver.getCurrentUrl()).endsWith("/articles/" + archive.budgetId + "/diff/1/2");
    assertThat(driver.findElements(By.cssSelector("#inline-diff del"))).extracting(WebElement::getText)
        .contains("long", "2");
    assertThat(driver.findElements(By.cssSelector("#inline-diff ins"))).extracting(WebElement::getText)
        .contains("heated", "4");
    assertThat(driver.findElements(By.cssSelector("#side-by-side tr.changed"))).hasSize(2);
    screenshot("diff.png");
  }

  @Test
  void theAtomLinkLeadsToTheFeedOfChanges() {
    driver.get(url("/articles/" + archive.budgetId));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("atom-link"))).click();
    wait.until(ExpectedConditions.urlContains("feed.atom"));
    assertThat(driver.getCurrentUrl()).endsWith("/articles/" + archive.budgetId + "/feed.atom");
    wait.until(d -> d.getPageSource().contains("/diff/1/2"));
    assertThat(driver.getPageSource()).contains("Council approves transit budget, again (version 2)");
  }

  @Test
  void scriptsInAnArchivedTitleTextOrRawPageNeverRun() {
    String[] pages = {"/articles/" + archive.hostileId, "/search?q=storm", "/", "/sites/evil.example",
        "/articles/" + archive.hostileId + "/raw/1"};
    for (String page : pages) {
      driver.get(url(page));
      wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
      assertNoAlert(page);
      Object flags = ((JavascriptExecutor) driver).executeScript("return [typeof window.nvPwnedTitle,"
          + " typeof window.nvPwnedText, typeof window.nvPwnedImg, typeof window.nvPwnedRaw,"
          + " typeof window.nvPwnedLink].join(',')");
      assertThat(flags).as(page).isEqualTo("undefined,undefined,undefined,undefined,undefined");
      assertThat(driver.findElements(By.cssSelector("a[href^='javascript']"))).as(page).isEmpty();
    }
    driver.get(url("/articles/" + archive.hostileId));
    assertThat(driver.findElement(By.id("article-title")).getText()).contains("<script>window.nvPwnedTitle=1</script>");
    assertThat(driver.findElement(By.id("article-text")).getText()).contains("<script>window.nvPwnedText=1</script>");
    driver.get(url("/articles/" + archive.hostileId + "/raw/1"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("<script>window.nvPwnedRaw=1;");
  }

  private void assertNoAlert(String page) {
    try {
      String text = driver.switchTo().alert().getText();
      fail("an alert opened on " + page + ": " + text);
    } catch (NoAlertPresentException expected) {
      // no script ran to open one
    }
  }
}
