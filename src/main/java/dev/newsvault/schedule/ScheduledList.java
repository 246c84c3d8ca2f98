package dev.newsvault.schedule;

import java.nio.file.Path;

/** A seed list (one {@code seeds/*.txt} file) and when it is crawled. */
public record ScheduledList(String name, Path file, Timing timing) {}
