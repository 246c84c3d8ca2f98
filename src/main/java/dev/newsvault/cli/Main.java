package dev.newsvault.cli;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ArchiveLockedException;
import dev.newsvault.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The newsvault command line. The only place that calls {@link System#exit}; exceptions map to exit codes
 * here (see {@link ExitCodes}).
 */
@Command(
    name = "newsvault",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Crawl news sites into a SQLite archive, keep every version of every article, export corpora.",
    subcommands = {
        CommandLine.HelpCommand.class,
        StatsCommand.class,
        ShowCommand.class,
        ExtractCommand.class,
        CrawlCommand.class,
        CheckCommand.class,
        HistoryCommand.class,
        DiffCommand.class,
        ExportCommand.class,
        ScheduleCommand.class,
        StatusCommand.class,
        DemoCommand.class,
        ImportCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI in-process with the given streams; tests call this. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      PrintWriter err = line.getErr();
      err.println("newsvault: " + message(ex));
      err.flush();
      return exitCode(ex);
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("newsvault: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  private static String message(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.toString() : m;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof ArchiveLockedException) {
      return ExitCodes.LOCKED;
    }
    if (ex instanceof ArchiveException || ex instanceof IOException) {
      return ExitCodes.IO;
    }
    return ExitCodes.SOFTWARE;
  }
}
