package dev.newsvault.cli;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ArchiveLockedException;
import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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
    description = "Crawl news sites into a SQLite archive, keep every version of every article, export corpora.")
public final class Main implements Callable<Integer> {

  /** The commands, in the order the usage lists them. */
  private static final List<Class<?>> COMMANDS = List.of(
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
      ServeCommand.class,
      ImportCommand.class,
      NotifyCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** No command: picocli's convention for a missing subcommand, the usage on stderr and exit 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("newsvault: missing command; './newsvault demo' tries it on a sample site");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    if (args.length > 0 && "demo".equals(args[0])) {
      // The demo tour prints every step itself; newsvault's INFO lines on stderr would interleave with it.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI in-process with the given streams; tests call this. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** The whole command line, every command in it (for the usage, and for tests that walk the commands). */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments. When the first one names a command, only that command is built:
   * picocli reads every option of every command it is given by reflection, and loading and reading the other
   * commands cost about a sixth of a second of CPU on every run. Anything else (no command, an option,
   * {@code help}, a misspelt command) gets every command, so the usage, the help and "did you mean" see them all.
   */
  static CommandLine commandLine(String[] argv) {
    CommandLine cl = new CommandLine(new Main());
    Class<?> named = argv.length == 0 ? null : named(argv[0]);
    for (Class<?> command : COMMANDS) {
      if (named == null || command == named) {
        cl.addSubcommand(command);
      }
    }
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      PrintWriter err = line.getErr();
      err.println("newsvault: " + message(ex));
      err.flush();
      return exitCode(ex);
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("newsvault: " + parameterMessage(ex, args));
      // "Did you mean: newsvault crawl?" for a misspelt command or option
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  /** The command called {@code name}, or null for {@code help} and for anything that is not a command's name. */
  private static Class<?> named(String name) {
    for (Class<?> command : COMMANDS) {
      Command c = command.getAnnotation(Command.class);
      if (command != CommandLine.HelpCommand.class && c != null && c.name().equals(name)) {
        return command;
      }
    }
    return null;
  }

  /**
   * picocli's message in newsvault's voice (lower case, like every other message), with three fixes: an unknown
   * first word is an unknown command; a misspelt option is named even when a required option is missing too
   * ({@code export --fromat jsonl} is about '--fromat', not a missing '--format'); and an option without its
   * value is named as the user wrote it ({@code --db}, not its longest alias).
   */
  static String parameterMessage(CommandLine.ParameterException ex, String[] args) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "'";
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
      for (String a : args) {
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        if (name.startsWith("-") && !name.equals("-") && spec.findOption(name) == null) {
          String near = ConfigLoader.didYouMean(name, spec.optionsMap().keySet());
          return "unknown option '" + name + "'" + (near.isEmpty() ? "" : near);
        }
      }
      for (CommandLine.Model.ArgSpec missing : m.getMissing()) {
        if (missing instanceof CommandLine.Model.OptionSpec o && args.length > 0
            && List.of(o.names()).contains(args[args.length - 1])) {
          return "option '" + args[args.length - 1] + "' needs a value (" + o.paramLabel() + ")";
        }
      }
    }
    return lowerFirst(ex.getMessage());
  }

  /** "Unknown option: '--x'" → "unknown option: '--x'"; a message that starts with a name stays as it is. */
  private static String lowerFirst(String m) {
    if (m == null || m.length() < 2 || !Character.isUpperCase(m.charAt(0)) || Character.isUpperCase(m.charAt(1))) {
      return m;
    }
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
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
