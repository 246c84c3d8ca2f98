package dev.newsvault.seed;

import java.time.Instant;

/**
 * One item of an RSS or Atom feed: the article URL (resolved against the feed's URL) and what the feed says
 * about it, kept as fallback metadata for the archive.
 *
 * @param url the entry's link, absolute
 * @param title the entry title, or null
 * @param published pubDate / published, else updated, or null
 * @param author dc:creator / author, or null
 */
public record FeedEntry(String url, String title, Instant published, String author) {}
