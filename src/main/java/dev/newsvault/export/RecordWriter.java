package dev.newsvault.export;

import java.io.IOException;

/** Writes export records in one format; {@link #finish()} completes the output (footers, flushing). */
interface RecordWriter {
  void write(ExportRecord r) throws IOException;

  void finish() throws IOException;

  /** Stops any thread of the writer's own when the export failed; the output is dropped. */
  default void abort() {}
}
