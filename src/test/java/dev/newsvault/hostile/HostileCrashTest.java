package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real newsvault process (a second JVM) in the middle of its work: the next process that takes
 * the archive marks the killed run crashed, resumes what it left, and every URL ends up archived exactly once;
 * nothing archived before the kill is lost.
 */
class HostileCrashTest {

  private static final int PAGES = HostileCrashSupport.ARTICLES + 1;
  /** Each article answers after this long, so the crawl is still running when it is killed. */
  private static final int DELAY_MS = 150;

  @TempDir Path dir;

  @Test
  void killNineOfACrawlMidRunThenResumeLosesAndDuplicatesNothing() throws Exception {
    try (HostileCrashSupport site = new HostileCrashSupport(dir, DELAY_MS)) {
      Process crawl = site.spawn(site.args("crawl"));
      site.awaitWhileRunning(crawl, () -> site.count("SELECT COUNT(*) FROM fetch WHERE failure_kind IS NULL") >= 10,
          "ten archived pages");
      HostileCrashSupport.killHard(crawl);
      long archivedBefore = site.count("SELECT COUNT(*) FROM article");
      assertThat(site.column("SELECT status FROM crawl_run")).containsExactly("running");

      HostileCrashSupport.Result again = site.run(site.args("crawl"));

      assertThat(again.code()).as(again.out() + again.err()).isZero();
      assertThat(again.out()).contains("finished (resumed)");
      assertThat(site.column("SELECT status FROM crawl_run ORDER BY id")).containsExactly("crashed", "finished");
      assertThat(site.count("SELECT COUNT(DISTINCT url) FROM fetch WHERE failure_kind IS NULL")).isEqualTo(PAGES);
      assertThat(site.count("SELECT COUNT(*) FROM fetch")).as("no URL recorded twice").isEqualTo(PAGES);
      assertThat(site.count("SELECT COUNT(*) FROM article")).isEqualTo(HostileCrashSupport.ARTICLES)
          .isGreaterThanOrEqualTo(archivedBefore);
      assertThat(site.count("SELECT COUNT(*) FROM article_version")).isEqualTo(HostileCrashSupport.ARTICLES);
      assertThat(site.count("SELECT COUNT(*) FROM frontier WHERE state='queued'")).isZero();
      HostileCrashSupport.Result stats = site.run(site.args("stats"));
      assertThat(stats.code()).isZero();
    }
  }

  @Test
  void killNineOfAScheduledRoundIsShownAsCrashedAndTheNextRoundFinishesIt() throws Exception {
    try (HostileCrashSupport site = new HostileCrashSupport(dir, DELAY_MS)) {
      Process schedule = site.spawn(site.args("schedule --once"));
      site.awaitWhileRunning(schedule,
          () -> site.count("SELECT COUNT(*) FROM fetch WHERE failure_kind IS NULL") >= 10, "ten archived pages");
      HostileCrashSupport.killHard(schedule);
      long archivedBefore = site.count("SELECT COUNT(*) FROM article");

      // Any process taking the archive's lock marks the killed round; status then says so.
      HostileCrashSupport.Result check = site.run(site.args("check --all"));
      assertThat(check.code()).as(check.out() + check.err()).isIn(0, 10);
      HostileCrashSupport.Result status = site.run(site.args("status"));
      assertThat(status.code()).isZero();
      assertThat(status.out()).containsPattern("news\\s.*crashed");
      assertThat(site.column("SELECT status FROM crawl_run WHERE kind='schedule'")).containsExactly("crashed");
      assertThat(site.count("SELECT COUNT(*) FROM article")).as("nothing archived is lost")
          .isEqualTo(archivedBefore);

      HostileCrashSupport.Result again = site.run(site.args("schedule --once"));
      assertThat(again.code()).as(again.out() + again.err()).isZero();
      assertThat(site.column("SELECT status FROM crawl_run WHERE kind='schedule' ORDER BY id"))
          .containsExactly("crashed", "finished");
      assertThat(site.count("SELECT COUNT(DISTINCT url) FROM fetch WHERE failure_kind IS NULL")).isEqualTo(PAGES);
      assertThat(site.count("SELECT COUNT(*) FROM article")).isEqualTo(HostileCrashSupport.ARTICLES);
    }
  }

  @Test
  void killNineOfACheckIsMarkedCrashedAndLosesNoArticle() throws Exception {
    try (HostileCrashSupport site = new HostileCrashSupport(dir, DELAY_MS)) {
      HostileCrashSupport.Result crawl = site.run(site.args("crawl"));
      assertThat(crawl.code()).as(crawl.out() + crawl.err()).isZero();
      assertThat(site.count("SELECT COUNT(*) FROM article")).isEqualTo(HostileCrashSupport.ARTICLES);

      Process check = site.spawn(site.args("check --all"));
      site.awaitWhileRunning(check, () -> site.count("SELECT COUNT(*) FROM article_check") >= 5, "five checks");
      HostileCrashSupport.killHard(check);

      HostileCrashSupport.Result again = site.run(site.args("check --all"));
      assertThat(again.code()).as(again.out() + again.err()).isIn(0, 10);
      assertThat(site.column("SELECT status FROM crawl_run WHERE kind='check' ORDER BY id"))
          .containsExactly("crashed", "finished");
      assertThat(site.count("SELECT COUNT(*) FROM article")).isEqualTo(HostileCrashSupport.ARTICLES);
      assertThat(site.count("SELECT COUNT(*) FROM article_version")).isEqualTo(HostileCrashSupport.ARTICLES);
      HostileCrashSupport.Result stats = site.run(site.args("stats"));
      assertThat(stats.out()).contains("finished");
    }
  }
}
