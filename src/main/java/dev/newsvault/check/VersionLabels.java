package dev.newsvault.check;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.VersionChange;
import dev.newsvault.archive.VersionRecord;
import java.util.Optional;

/**
 * Labels a stored version with the kind of edit that made it (typo, wording, paragraph added, headline…)
 * and the words added and removed, against the version before it: the one place that turns two
 * versions into a stored label, whoever stored the version (a check, a crawl, an import), so exports,
 * {@code history} and the web pages read the same label for every version but the first.
 */
public final class VersionLabels {

  private final CheckQueries queries;

  public VersionLabels(Archive archive) {
    this.queries = new CheckQueries(archive);
  }

  /** The label of {@code after} against {@code before}, as it is stored. */
  public static VersionChange of(VersionRecord before, VersionRecord after) {
    ChangeLabel l = ChangeClassifier.classify(ChangeClassifier.Revision.of(before),
        ChangeClassifier.Revision.of(after));
    return new VersionChange(after.version(), l.kind().code(), l.wordsAdded(), l.wordsRemoved());
  }

  /**
   * Labels version {@code version} of an article, and the version after it when there is one (a
   * capture slotted into the history by its date gives the next version a new predecessor). Version 1
   * has nothing to be compared with and stays unlabelled.
   */
  public void labelFrom(long articleId, int version) throws ArchiveException {
    if (version < 2) {
      if (version == 1) {
        label(articleId, 2);
      }
      return;
    }
    label(articleId, version);
    label(articleId, version + 1);
  }

  private void label(long articleId, int version) throws ArchiveException {
    Optional<VersionRecord> after = queries.version(articleId, version);
    if (after.isEmpty()) {
      return;
    }
    Optional<VersionRecord> before = queries.version(articleId, version - 1);
    if (before.isPresent()) {
      queries.label(articleId, of(before.get(), after.get()));
    }
  }
}
