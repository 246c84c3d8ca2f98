package dev.newsvault.check;

/**
 * The result of checking one URL.
 *
 * @param url the URL checked (as archived)
 * @param outcome what the check found
 * @param previousVersion the article's current version before the check (0 when not archived)
 * @param version its current version after the check
 * @param words the words of the text now served (for unchanged by 304: of the current version; 0 when unknown)
 * @param wordsAdded words inserted versus the previous version (changed only)
 * @param wordsRemoved words deleted versus the previous version (changed only)
 * @param finalUrl where a redirect led, or null
 * @param detail why, for gone, moved and error, and for an unchanged page whose archived text an older
 *     extractor wrote ("archived text was extracted by an older newsvault; ..."); null otherwise
 * @param change what kind of edit made the new version, for changed; null otherwise
 */
public record CheckResult(
    String url,
    CheckOutcome outcome,
    int previousVersion,
    int version,
    int words,
    int wordsAdded,
    int wordsRemoved,
    String finalUrl,
    String detail,
    ChangeLabel change) {

  static CheckResult error(String url, int version, String detail) {
    return new CheckResult(url, CheckOutcome.ERROR, version, version, 0, 0, 0, null, detail, null);
  }

  /** Whether this result is news at or above {@code floor}: gone, moved, or a change of that kind or more. */
  public boolean isNews(ChangeKind floor) {
    if (outcome != CheckOutcome.CHANGED || change == null || floor == null) {
      return outcome.isNews();
    }
    return change.kind().atLeast(floor);
  }
}
