package dev.newsvault.schedule;

import java.time.Duration;
import java.time.Instant;

/** When an article is next re-checked, and the interval that led there. */
public record RevisitPlan(Instant at, Duration interval) {}
