package dev.newsvault.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster of separate JVMs on 127.0.0.1: one master and {@code workers} workers, started from a
 * Spark home whose {@code jars/} folder holds the Spark artifacts Maven resolved for the module (a worker builds
 * its executors' class path from {@code SPARK_HOME/jars}, as in a Spark distribution). Every process it starts,
 * executors included, is killed on {@link #close()}, and by a shutdown hook should the test JVM itself be stopped.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");

  private final Path sparkHome;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread killer = new Thread(this::killAll, "standalone-cluster-killer");
  private String masterUrl;

  private StandaloneCluster(Path sparkHome, Path dir) {
    this.sparkHome = sparkHome;
    this.dir = dir;
  }

  /** Starts the master, then the workers (one core and 1 GB each), and returns once all have registered. */
  static StandaloneCluster start(Path sparkHome, Path dir, int workers) throws IOException, InterruptedException {
    StandaloneCluster c = new StandaloneCluster(sparkHome, dir);
    Runtime.getRuntime().addShutdownHook(c.killer);
    try {
      // port 0: the master binds a free port and logs its URL, so no port is guessed and raced for
      // the REST submission server is off: it listens on a fixed port (6066) that parallel runs would share
      Path masterLog = c.launch("master", List.of("-Dspark.master.rest.enabled=false",
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
      Matcher m = c.await(masterLog, MASTER_URL);
      c.masterUrl = m.group(1);
      c.await(masterLog, Pattern.compile("Bound MasterWebUI to 127\\.0\\.0\\.1,"));
      c.await(masterLog, Pattern.compile("I have been elected leader"));
      for (int i = 1; i <= workers; i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        Path log = c.launch("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
            c.masterUrl));
        c.await(log, Pattern.compile("Successfully registered with master"));
      }
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The folder worker {@code i} (from 1) runs its executors in: one sub-folder per application. */
  Path workDir(int i) {
    return dir.resolve("worker-" + i);
  }

  /**
   * Runs {@code org.apache.spark.deploy.SparkSubmit} with {@code args} in its own JVM against this cluster, as the
   * {@code spark-submit} script does; returns its exit code, or fails when it has not ended within {@code timeout}.
   */
  int submit(List<String> args, Duration timeout) throws IOException, InterruptedException {
    List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl));
    submit.addAll(args);
    Path log = dir.resolve("submit.log");
    Process p = start(submit, log);
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("spark-submit still running after " + timeout + "; its log:\n" + tail(log));
    }
    return p.exitValue();
  }

  /** The last lines of a process's log under this cluster's folder, for a failure message. */
  String tail(String name) throws IOException {
    return tail(dir.resolve(name + ".log"));
  }

  /** The JDK-internal opens (and reflection setting) this JVM runs with: Spark needs them in every JVM on Java 17. */
  static List<String> javaOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect.")).toList();
  }

  /** Starts {@code org.apache.spark...Main args}, optionally after JVM options such as {@code -Dkey=value}. */
  private Path launch(String name, List<String> mainAndArgs) throws IOException {
    Path log = dir.resolve(name + ".log");
    start(mainAndArgs, log);
    return log;
  }

  private Process start(List<String> mainAndArgs, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(javaOptions());
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // every daemon, executor and web UI binds 127.0.0.1; executors inherit the worker's environment
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
    Process p = pb.start();
    synchronized (processes) {
      processes.add(p);
    }
    return p;
  }

  /** Waits for a line matching {@code pattern} in a log, failing early when its process has died. */
  private Matcher await(Path log, Pattern pattern) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
      if (m.find()) {
        return m;
      }
      synchronized (processes) {
        if (processes.stream().anyMatch(p -> !p.isAlive())) {
          throw new IllegalStateException("a cluster process ended while waiting for '" + pattern + "' in "
              + log.getFileName() + ":\n" + tail(log));
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no '" + pattern + "' in " + log.getFileName() + " after " + START_TIMEOUT
        + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Kills every process started, newest first, each with its children (a worker's executors) before it. */
  private void killAll() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
      processes.clear();
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Process p = all.get(i);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or about to: it finds nothing left to kill
    }
  }
}
