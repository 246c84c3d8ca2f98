package dev.newsvault.spark;

import dev.newsvault.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The real newsvault CLI, run in-process: the import + export the job is compared with. */
final class NewsvaultCli {

  private NewsvaultCli() {}

  /** Runs a command and returns its exit code; what it printed on stderr is shown when that is not 0. */
  static int run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }
}
