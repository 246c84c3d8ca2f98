package dev.newsvault.serve;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsvault.archive.WebQueries;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Atom 1.0 feeds of stored changes, written with ROME so every archived string is escaped as XML. */
final class ChangeFeed {

  private ChangeFeed() {}

  /**
   * A feed titled {@code title} at {@code self} (absolute), one entry per change linking to its diff.
   * {@code base} is the app's absolute address without a trailing slash.
   */
  static String atom(String base, String self, String title, List<WebQueries.Change> changes) {
    Feed feed = new Feed("atom_1.0");
    feed.setId(base + self);
    feed.setTitle(title);
    feed.setUpdated(changes.isEmpty() ? new Date(0) : date(changes.get(0).fetchedAt()));
    feed.setAlternateLinks(List.of(link(base + "/", "alternate")));
    feed.setOtherLinks(List.of(link(base + self, "self")));
    List<Entry> entries = new ArrayList<>();
    for (WebQueries.Change c : changes) {
      String diff = base + Paths.diff(c.articleId(), c.version() - 1, c.version());
      Entry e = new Entry();
      e.setId(diff);
      e.setTitle((c.title() == null || c.title().isBlank() ? c.url() : c.title()) + " (version " + c.version() + ")");
      e.setUpdated(date(c.fetchedAt()));
      e.setAlternateLinks(List.of(link(diff, "alternate")));
      Content summary = new Content();
      summary.setType("text");
      summary.setValue(c.host() + ": " + c.wordsAdded() + " words added, " + c.wordsRemoved()
          + " removed in version " + c.version() + " of " + c.url());
      e.setSummary(summary);
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      return new WireFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("could not write the Atom feed: " + e.getMessage(), e);
    }
  }

  private static Link link(String href, String rel) {
    Link l = new Link();
    l.setHref(href);
    l.setRel(rel);
    return l;
  }

  private static Date date(String iso) {
    try {
      return Date.from(Instant.parse(iso));
    } catch (DateTimeParseException | NullPointerException e) {
      return new Date(0);
    }
  }
}
