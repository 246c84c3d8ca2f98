package dev.newsvault.archive;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which article versions an export reads: the filters that translate to SQL. Null means "no filter".
 *
 * @param sites hosts to keep; each matches itself and its subdomains (lower case)
 * @param since keep versions dated at or after this instant
 * @param untilExclusive keep versions dated before this instant
 * @param byFetchDate date filters apply to the fetch time instead of the published date
 * @param language keep versions in this language (ISO code; "en" also matches "en-GB")
 * @param minWords keep versions with at least this many words
 * @param allVersions every archived version instead of only each article's current one
 */
public record ExportSelection(
    List<String> sites,
    Instant since,
    Instant untilExclusive,
    boolean byFetchDate,
    String language,
    int minWords,
    boolean allVersions) {

  public ExportSelection {
    sites = sites == null ? List.of() : sites.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    language = language == null ? null : language.toLowerCase(Locale.ROOT);
  }

  /** Every current version, no filter. */
  public static ExportSelection everything() {
    return new ExportSelection(List.of(), null, null, false, null, 0, false);
  }

  /** A one-line description for logs and the checkpoint table. */
  public String describe() {
    StringBuilder b = new StringBuilder(allVersions ? "all-versions" : "latest-only");
    sites.forEach(s -> b.append(" site=").append(s));
    if (since != null) {
      b.append(byFetchDate ? " fetched>=" : " published>=").append(since);
    }
    if (untilExclusive != null) {
      b.append(byFetchDate ? " fetched<" : " published<").append(untilExclusive);
    }
    if (language != null) {
      b.append(" language=").append(language);
    }
    if (minWords > 0) {
      b.append(" min-words=").append(minWords);
    }
    return b.toString();
  }
}
