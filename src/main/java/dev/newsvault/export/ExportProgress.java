package dev.newsvault.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress of an export run; the console form redraws one line at most four times a second. */
public interface ExportProgress {

  /** A new phase with its expected total, or -1 when unknown. */
  void phase(String name, long total);

  /** {@code done} items of the current phase are finished. An exception here aborts the export. */
  void advance(long done) throws IOException;

  void finish();

  ExportProgress SILENT = new ExportProgress() {
    @Override
    public void phase(String name, long total) {}

    @Override
    public void advance(long done) {}

    @Override
    public void finish() {}
  };

  /** A one-line indicator on {@code err}, for a terminal. */
  static ExportProgress console(PrintWriter err) {
    return new ExportProgress() {
      private String phase = "";
      private long total = -1;
      private long last;

      @Override
      public void phase(String name, long t) {
        phase = name;
        total = t;
        last = 0;
      }

      @Override
      public void advance(long done) {
        long now = System.nanoTime();
        if (now - last < 250_000_000L) {
          return;
        }
        last = now;
        err.print(total > 0
            ? String.format(Locale.ROOT, "\r%s %,d / %,d (%d%%)   ", phase, done, total, done * 100 / total)
            : String.format(Locale.ROOT, "\r%s %,d   ", phase, done));
        err.flush();
      }

      @Override
      public void finish() {
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
      }
    };
  }
}
