package dev.newsvault.serve;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.WebQueries;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 feeds of stored changes, written with ROME so every archived string is escaped as XML, and cleaned
 * of the characters XML 1.0 cannot carry at all ({@link dev.newsvault.archive.XmlChars}): one control
 * character in one archived title must not make the feed unreadable for everyone.
 *
 * <p>Ids are URNs built from the article's URL and the version, never from the address {@code serve} answers
 * on: serving on another port or name must not make every entry look new to a feed reader.
 */
final class ChangeFeed {

  private ChangeFeed() {}

  /**
   * A feed titled {@code title} with id {@code urn:newsvault:feed:<name>} at {@code self} (absolute), one entry
   * per change linking to its diff. {@code base} is the app's absolute address without a trailing slash;
   * {@code quiet} is the feed's updated time when it has no entries (when the article or archive began).
   */
  static String atom(String base, String self, String name, String title, List<WebQueries.Change> changes,
      ChangeNotes notes, Instant quiet) throws ArchiveException {
    Feed feed = new Feed("atom_1.0");
    feed.setId("urn:newsvault:feed:" + clean(name));
    feed.setTitle(clean(title));
    feed.setUpdated(changes.isEmpty() ? Date.from(quiet) : date(changes.get(0).fetchedAt(), quiet));
    feed.setAlternateLinks(List.of(link(base + "/", "alternate")));
    feed.setOtherLinks(List.of(link(base + self, "self")));
    List<Entry> entries = new ArrayList<>();
    for (WebQueries.Change c : changes) {
      ChangeNotes.Note note = notes.of(c);
      String diff = base + Paths.diff(c.articleId(), c.version() - 1, c.version());
      Entry e = new Entry();
      e.setId(entryId(c.url(), c.version()));
      String kind = note.kind().replace('_', ' ');
      e.setTitle(clean(kind + ": " + (c.title() == null || c.title().isBlank() ? c.url() : c.title())
          + " (version " + c.version() + ")"));
      e.setUpdated(date(c.fetchedAt(), quiet));
      e.setAlternateLinks(List.of(link(diff, "alternate")));
      Content summary = new Content();
      summary.setType("text");
      summary.setValue(clean(kind + " on " + c.host() + ": " + c.wordsAdded() + " words added, " + c.wordsRemoved()
          + " removed in version " + c.version() + " of " + c.url() + (note.diff().isEmpty() ? ""
              : "\n\n" + note.diff())));
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

  /** The entry's id: the same for a version whatever address the feed is read at. */
  static String entryId(String url, int version) {
    return "urn:newsvault:change:" + urlKey(url) + ":" + version;
  }

  /** A short fixed-length name of an article URL for ids: its SHA-256, 128 bits of it. */
  static String urlKey(String url) {
    return ContentHash.of(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex().substring(0, 32);
  }

  private static String clean(String s) {
    return dev.newsvault.archive.XmlChars.clean(s);
  }

  private static Link link(String href, String rel) {
    Link l = new Link();
    l.setHref(clean(href));
    l.setRel(rel);
    return l;
  }

  private static Date date(String iso, Instant fallback) {
    try {
      return Date.from(Instant.parse(iso));
    } catch (DateTimeParseException | NullPointerException e) {
      return Date.from(fallback);
    }
  }
}
