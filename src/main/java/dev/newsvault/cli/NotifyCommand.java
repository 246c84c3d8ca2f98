package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.NoticeQueries;
import dev.newsvault.config.Settings;
import dev.newsvault.notify.Channel;
import dev.newsvault.notify.DeliveryException;
import dev.newsvault.notify.Message;
import dev.newsvault.notify.Notice;
import dev.newsvault.notify.NoticeWorker;
import dev.newsvault.notify.NotifyConfig;
import dev.newsvault.notify.PassSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault notify}: test a channel, send the queued notices now, or send the failed ones again. */
@Command(name = "notify", description = "Notices of changed articles (webhook, e-mail, Mastodon; see"
    + " docs/notifications.md).", subcommands = {NotifyCommand.Test.class, NotifyCommand.Send.class,
        NotifyCommand.Retry.class})
public final class NotifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("newsvault notify: name what to do: test NAME, send or retry");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }

  @Command(name = "test", description = "Send a test message through channel NAME and say whether it arrived.")
  static final class Test implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Parameters(paramLabel = "NAME", description = "The channel (notify.NAME.* in the config).")
    String name;

    @Override
    public Integer call() {
      Settings s = config.settings();
      OkHttpClient client = new OkHttpClient();
      try {
        NotifyConfig nc = NotifyConfig.from(s, client);
        Channel c = nc.channel(name);
        String base = nc.baseUrl() == null ? "https://example.org" : nc.baseUrl();
        Notice sample = new Notice(0, "https://example.org/news/test", "newsvault test message", "example.org", null,
            1, Instant.now().minusSeconds(3600).toString(), 2, Instant.now().toString(), "wording", 2, 1,
            "The council [-approved-]{+rejected+} the plan on {+Tuesday+} evening.", base + "/");
        try {
          c.send(new Message("test", "nv-test-" + UUID.randomUUID(), List.of(sample)));
        } catch (DeliveryException e) {
          PrintWriter err = spec.commandLine().getErr();
          err.println("newsvault: test message not delivered: " + e.getMessage());
          err.flush();
          return ExitCodes.PARTIAL;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sent a test message through " + c);
        out.flush();
        return ExitCodes.OK;
      } finally {
        Notifications.shutdown(client);
      }
    }
  }

  @Command(name = "send", description = "Send the queued notices now, without waiting for their next retry.")
  static final class Send implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Override
    public Integer call() throws Exception {
      return deliver(config.settings(), spec, false);
    }
  }

  @Command(name = "retry", description = "Queue the failed notices again and send them, with the queued ones.")
  static final class Retry implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Override
    public Integer call() throws Exception {
      return deliver(config.settings(), spec, true);
    }
  }

  static int deliver(Settings s, CommandSpec spec, boolean failedToo) throws Exception {
    if (!java.nio.file.Files.isRegularFile(s.database())) {
      throw new dev.newsvault.archive.ArchiveException("no archive at " + s.database().toAbsolutePath()
          + "; run './newsvault crawl' first, or name another one with --db FILE");
    }
    OkHttpClient client = new OkHttpClient();
    try (Archive archive = Archive.open(s.database())) {
      NotifyConfig nc = NotifyConfig.from(s, client);
      NoticeQueries q = new NoticeQueries(archive);
      Instant now = Instant.now();
      int again = failedToo ? q.requeueFailed(now) : 0;
      q.dueNow(now);
      PassSummary p;
      try (NoticeWorker w = new NoticeWorker(archive, nc, s.seeds(), Clock.systemUTC())) {
        p = w.pass();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (failedToo) {
        out.printf("%d failed notice deliveries queued again%n", again);
      }
      out.println(Notifications.line(p));
      out.flush();
      return p.retrying() + p.failed() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    } finally {
      Notifications.shutdown(client);
    }
  }
}
