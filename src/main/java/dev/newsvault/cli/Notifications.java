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
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The notice worker of a command that stores versions (crawl, check, schedule, import): it sends notices in
 * the background while the command runs and once more when it ends, so what the run stored goes out before
 * the process exits. Configured channels are checked before the command starts its work.
 */
final class Notifications implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(5);

  private final HttpClient client;
  private final NoticeWorker worker;
  private final PrintWriter err;
  private final boolean any;

  private Notifications(HttpClient client, NoticeWorker worker, PrintWriter err, boolean any) {
    this.client = client;
    this.worker = worker;
    this.err = err;
    this.any = any;
  }

  static Notifications start(Settings s, Archive archive, PrintWriter err) {
    HttpClient client = new HttpClient();
    try {
      NotifyConfig config = NotifyConfig.from(s, client);
      NoticeWorker w = new NoticeWorker(archive, config, s.seeds(), Clock.systemUTC());
      if (!config.channels().isEmpty()) {
        w.start(EVERY);
      }
      return new Notifications(client, w, err, !config.channels().isEmpty());
    } catch (RuntimeException e) {
      client.shutdown();
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
      client.shutdown();
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

  /** The channels' HTTP client, built when a channel first asks for it (never, without webhook or Mastodon). */
  private static final class HttpClient implements Supplier<OkHttpClient> {
    private OkHttpClient client;

    @Override
    public synchronized OkHttpClient get() {
      if (client == null) {
        client = new OkHttpClient.Builder().build();
      }
      return client;
    }

    synchronized void shutdown() {
      if (client != null) {
        Notifications.shutdown(client);
      }
    }
  }
}
