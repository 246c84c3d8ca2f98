package dev.newsvault.archive;

/**
 * One check of one article as the archive keeps it.
 *
 * @param fetchId the fetch row of the re-fetch, or 0 when nothing was fetched
 * @param outcome unchanged, changed, gone, moved or error
 * @param version the article's current version after the check
 * @param finalUrl where a redirect led, or null
 * @param detail why, for gone, moved and error; null otherwise
 * @param changeKind the kind of edit, for changed; null otherwise
 */
public record CheckRecord(
    long runId,
    long articleId,
    long fetchId,
    String checkedAt,
    String outcome,
    int version,
    int wordsAdded,
    int wordsRemoved,
    String finalUrl,
    String detail,
    String changeKind) {}
