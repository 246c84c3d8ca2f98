/**
 * The SQLite archive: schema and migrations, the writer lock, every SQL statement newsvault runs, and the
 * values read back (articles, versions, statistics).
 */
package dev.newsvault.archive;
