package dev.newsvault.schedule;

import dev.newsvault.check.CheckOutcome;

/**
 * Re-checks one archived article (conditional GET, text hash, a new version on change) within run
 * {@code runId}; the change checker does this for {@code newsvault check}.
 */
@FunctionalInterface
public interface ArticleRecheck {
  CheckOutcome check(long runId, String url) throws InterruptedException;
}
