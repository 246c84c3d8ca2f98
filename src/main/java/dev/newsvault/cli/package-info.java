<<<<<<< HEAD
/** The thin command line: one class per subcommand, exit codes mapped in {@link dev.newsvault.cli.Main}. */
=======
/** The command line: one picocli command class per verb; only {@code Main} exits the process. */
>>>>>>> extract
package dev.newsvault.cli;
