package dev.newsvault.notify;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.NoticeRecord;
import dev.newsvault.archive.VersionChange;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.XmlChars;
import dev.newsvault.check.DiffSnippet;
import dev.newsvault.check.VersionLabels;
import java.util.Optional;

/**
 * Turns a queued notice into what it tells: both versions read from the archive, the stored label (or, when a
 * crash came between storing the version and labelling it, the same label computed now), and the word diff.
 */
final class NoticeBuilder {

  private final CheckQueries versions;
  private final SeedLists lists;
  private final String baseUrl;

  NoticeBuilder(Archive archive, SeedLists lists, String baseUrl) {
    this.versions = new CheckQueries(archive);
    this.lists = lists;
    this.baseUrl = baseUrl;
  }

  /** The notice, or empty when its versions are gone from the archive. */
  Optional<Notice> build(NoticeRecord r) throws ArchiveException {
    Optional<VersionRecord> after = versions.version(r.articleId(), r.version());
    Optional<VersionRecord> before = versions.version(r.articleId(), r.version() - 1);
    if (after.isEmpty() || before.isEmpty()) {
      return Optional.empty();
    }
    VersionRecord a = after.get();
    VersionRecord b = before.get();
    VersionChange label = r.changeKind() != null
        ? new VersionChange(r.version(), r.changeKind(), r.wordsAdded(), r.wordsRemoved())
        : VersionLabels.of(b, a);
    String diff = DiffSnippet.of(b, a);
    String diffUrl = baseUrl == null ? null
        : baseUrl + "/articles/" + r.articleId() + "/diff/" + b.version() + "/" + a.version();
    return Optional.of(new Notice(r.id(), XmlChars.clean(r.url()), XmlChars.clean(a.title()), r.host(),
        lists.listOf(r.host()), b.version(), b.fetchedAt(), a.version(), a.fetchedAt(), label.kind(),
        label.wordsAdded(), label.wordsRemoved(), XmlChars.clean(diff), diffUrl));
  }
}
