package dev.newsvault.cli;

import dev.newsvault.serve.WebApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsvault serve}: a read-only web app over the archive, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
    "Browse the archive in a web browser: search, articles, version diffs, sites, Atom feeds of changes, and a"
        + " JSON API. Read-only: runs beside a crawl, check or schedule writing to the same archive.",
    "Listens on 127.0.0.1 unless --bind says otherwise; stops with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anything else makes the"
          + " archive readable from the network.")
  String bind;

  /** Counted down to stop the server; tests and the demo stop it without a signal. */
  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port: 0 to 65535, not " + port);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path db = config.settings().database();
    try (WebApp app = WebApp.start(db, bind, port)) {
      if (!WebApp.isLoopback(bind)) {
        err.printf("newsvault: warning: listening on %s, beyond this machine: anyone who can reach it can read the"
            + " whole archive (there is no login). Use --bind 127.0.0.1 to keep it local.%n", bind);
        err.flush();
      }
      String host = bind.contains(":") ? "[" + bind + "]" : bind;
      out.printf("newsvault serve: %s (read-only) at http://%s:%d/  (routes at /routes; Ctrl-C to stop)%n",
          db.toAbsolutePath().normalize(), "0.0.0.0".equals(bind) ? "127.0.0.1" : host, app.port());
      out.flush();
      Thread hook = new Thread(stop::countDown, "serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } catch (InterruptedException e) {
        // an interrupt (the demo or a test ending) stops serving as Ctrl-C does; the flag would only make
        // Jetty's shutdown below fail
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is exiting because of Ctrl-C: the hook already ran
        }
      }
    }
    return ExitCodes.OK;
  }
}
