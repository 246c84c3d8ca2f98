package dev.newsvault.schedule;

import dev.newsvault.check.CheckOutcome;
import java.time.Instant;

/** One past re-check of an article: when, and what it found. */
public record RevisitCheck(Instant at, CheckOutcome outcome) {}
