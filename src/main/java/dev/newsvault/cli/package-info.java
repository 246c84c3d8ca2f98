/** The command line: one picocli command class per verb; only {@code Main} exits the process. */
package dev.newsvault.cli;
