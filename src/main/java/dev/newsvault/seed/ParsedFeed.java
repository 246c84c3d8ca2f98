package dev.newsvault.seed;

import java.util.List;

/** A parsed RSS or Atom feed: its title and its entries in document order. */
public record ParsedFeed(String url, String title, List<FeedEntry> entries) {
  public ParsedFeed {
    entries = List.copyOf(entries);
  }
}
