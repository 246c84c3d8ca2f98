package dev.newsvault.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point for development of the extract command; the project's real Main registers it too. */
@Command(name = "newsvault", mixinStandardHelpOptions = true, subcommands = ExtractCommand.class,
    description = "A command-line crawler and archive for news.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(cl.execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
