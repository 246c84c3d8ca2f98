package dev.newsvault.archive;

/**
 * One queued notice: a new version of an article, with the label {@code check} gave it (null while the
 * version is not labelled yet).
 *
 * @param id the notice
 * @param articleId the article
 * @param url the article's archived URL
 * @param host the article's host
 * @param version the new version's number (read when needed: an import may renumber later versions)
 * @param createdAt when the version was stored, ISO instant
 * @param changeKind the stored label, or null
 * @param wordsAdded words added, when labelled
 * @param wordsRemoved words removed, when labelled
 */
public record NoticeRecord(long id, long articleId, String url, String host, int version, String createdAt,
    String changeKind, int wordsAdded, int wordsRemoved) {}
