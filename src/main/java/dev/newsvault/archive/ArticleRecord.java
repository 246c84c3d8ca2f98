package dev.newsvault.archive;

/** An archived article URL and where it stands; its content is in its {@link VersionRecord}s. */
public record ArticleRecord(
    long id,
    String url,
    String canonicalUrl,
    String host,
    String firstSeen,
    String lastSeen,
    String lastChecked,
    int currentVersion,
    String state) {}
