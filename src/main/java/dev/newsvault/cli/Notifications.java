package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.config.Settings;
import dev.newsvault.notify.NoticeWorker;
import dev.newsvault.notify.NotifyConfig;
import dev.newsvault.notify.PassSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * The notice worker of a command that stores versions (crawl, check, schedule, import): it sends notices in
 * the background while the command runs and once more when it ends, so what the run stored goes out before
 * the process exits. Configured channels are checked before the command starts its work.
 */
final class Notifications implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(5);

  private final OkHttpClient client;
  private final NoticeWorker worker;
  private final PrintWriter err;
  private final boolean any;

  private Notifications(OkHttpClient client, NoticeWorker worker, PrintWriter err, boolean any) {
    this.client = client;
    this.worker = worker;
    this.err = err;
    this.any = any;
  }

  static Notifications start(Settings s, Archive archive, PrintWriter err) {
    OkHttpClient client = new OkHttpClient.Builder().build();
    try {
      NotifyConfig config = NotifyConfig.from(s, client);
      NoticeWorker w = new NoticeWorker(archive, config, s.seeds(), Clock.systemUTC());
      if (!config.channels().isEmpty()) {
        w.start(EVERY);
      }
      return new Notifications(client, w, err, !config.channels().isEmpty());
    } catch (RuntimeException e) {
      shutdown(client);
      throw e;
    }
  }

  /** Sends what is due one last time and prints what happened to the run's notices, when there are channels. */
  @Override
  public void close() throws ArchiveException {
    try {
      PassSummary p = worker.drain();
      if (any && (p.sent() + p.retrying() + p.failed() > 0)) {
        err.println(line(p));
        err.flush();
      }
    } finally {
      worker.close();
      shutdown(client);
    }
  }

  static String line(PassSummary p) {
    return String.format(Locale.ROOT, "notify: %d sent, %d waiting to retry, %d failed%s", p.sent(), p.retrying(),
        p.failed(), p.retrying() + p.failed() > 0 ? " ('./newsvault status' shows them)" : "");
  }

  static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
