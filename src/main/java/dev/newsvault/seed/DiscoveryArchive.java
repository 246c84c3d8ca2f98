package dev.newsvault.seed;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.FeedQueries;
import dev.newsvault.archive.FeedSourceRecord;
import dev.newsvault.fetch.Validators;
import java.time.Instant;
import java.util.Locale;

/**
 * Keeps what discovery learns in the archive: each feed's and sitemap's validators (for the next conditional
 * GET) and status, and each entry's title, date and author (fallback metadata, shown by status).
 */
public final class DiscoveryArchive {

  private final FeedQueries feeds;

  public DiscoveryArchive(Archive archive) {
    this.feeds = new FeedQueries(archive);
  }

  /** The validators of the last successful fetch of {@code url}, or none. */
  public Validators validators(String url) {
    try {
      return feeds.source(url).map(s -> new Validators(s.etag(), s.lastModified())).orElse(Validators.NONE);
    } catch (ArchiveException e) {
      // A read failure only costs a full download instead of a conditional one.
      return Validators.NONE;
    }
  }

  /** Records an expansion's sources and entries. */
  public void record(Expansion e, Instant now) throws ArchiveException {
    for (SourceFetch s : e.sources()) {
      feeds.recordSource(new FeedSourceRecord(s.url(), s.kind() == null ? "feed" : s.kind().name().toLowerCase(Locale.ROOT), s.title(),
          s.etag(), s.lastModified(), now.toString(), s.status(), s.entries(), s.problem()));
    }
    for (DiscoveredUrl d : e.urls()) {
      if (d.sourceKind() != SeedType.PAGE) {
        feeds.recordEntry(d.url(), d.source(), d.sourceKind().name().toLowerCase(Locale.ROOT), d.title(), d.published(), d.author(), now);
      }
    }
  }
}
