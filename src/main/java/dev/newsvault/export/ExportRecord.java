package dev.newsvault.export;

import dev.newsvault.archive.ExportRow;

/** A row on its way out, with its near-duplicate cluster id when {@code --near-dups mark} found one. */
public record ExportRecord(ExportRow row, Long nearDupCluster) {}
