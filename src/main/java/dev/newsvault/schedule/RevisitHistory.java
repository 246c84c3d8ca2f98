package dev.newsvault.schedule;

import java.time.Instant;
import java.util.List;

/**
 * Everything the revisit rule looks at for one article.
 *
 * @param url the article URL
 * @param firstSeen when newsvault first archived it
 * @param published its publication time when known (page metadata or feed), else null
 * @param checks its re-checks, oldest first
 */
public record RevisitHistory(String url, Instant firstSeen, Instant published, List<RevisitCheck> checks) {
  public RevisitHistory {
    checks = List.copyOf(checks);
  }
}
