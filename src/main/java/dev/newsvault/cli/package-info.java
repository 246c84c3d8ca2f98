/** The thin command line: one class per subcommand, exit codes mapped in {@link dev.newsvault.cli.Main}. */
package dev.newsvault.cli;
