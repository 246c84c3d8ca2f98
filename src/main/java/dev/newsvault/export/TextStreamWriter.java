package dev.newsvault.export;

import dev.newsvault.archive.ExportRow;
import java.io.IOException;
import java.io.Writer;

/**
 * All articles in one text stream. Each starts with a separator line
 * {@code ==== newsvault article <url> version <n> ====}, then the title, a blank line and the text.
 */
final class TextStreamWriter implements RecordWriter {

  static final String SEPARATOR = "==== newsvault article ";

  private final Writer out;

  TextStreamWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    ExportRow v = r.row();
    out.write(SEPARATOR + v.url() + " version " + v.version() + " ====\n");
    out.write(body(v));
  }

  static String body(ExportRow v) {
    String title = v.title() == null ? "" : v.title().strip();
    return (title.isEmpty() ? "" : title + "\n\n") + v.text().strip() + "\n\n";
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
