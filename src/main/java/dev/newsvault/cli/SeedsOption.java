package dev.newsvault.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --seeds FILE}: the seed file or folder for one run, the option people reach for before they find the
 * {@code seeds} key. The same as {@code --set seeds=FILE}, and it wins over it.
 */
final class SeedsOption {
  @Option(names = "--seeds", paramLabel = "FILE",
      description = "Seed file or folder of *.txt seed files for this run (same as --set seeds=FILE).")
  Path seeds;
}
