package dev.newsvault.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for commands that have an option of their own named {@code --version}, or no other help. */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
