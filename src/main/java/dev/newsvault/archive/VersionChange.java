package dev.newsvault.archive;

/**
 * What kind of edit made one version, as {@code check} labelled it.
 *
 * @param version the version the label belongs to
 * @param kind typo, byline, number, wording, paragraph_added, paragraph_removed, headline, correction, rewrite
 * @param wordsAdded words added versus the previous version, counters and relative times not counted
 * @param wordsRemoved words removed versus the previous version
 */
public record VersionChange(int version, String kind, int wordsAdded, int wordsRemoved) {}
