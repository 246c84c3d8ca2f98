/**
 * Re-checking archived articles: re-fetching them conditionally, deciding unchanged / changed / gone /
 * moved / error without false alarms from page furniture or from an upgrade of the extractor, recording each
 * check, and word-level diffs between versions.
 */
package dev.newsvault.check;
