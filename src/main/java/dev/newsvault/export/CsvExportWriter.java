package dev.newsvault.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF, quoted as needed) with a header row; list fields are joined with "; ". A text cell that
 * a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return) gets a leading single quote, as OWASP recommends against CSV injection: titles and
 * authors come from the web.
 */
final class CsvExportWriter implements RecordWriter {

  private final CSVPrinter printer;
  private final List<String> names;
  private final boolean withCluster;

  CsvExportWriter(Writer out, boolean withCluster) throws IOException {
    this.withCluster = withCluster;
    this.names = ArticleFields.names(withCluster);
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
        .setHeader(names.toArray(String[]::new)).setAutoFlush(false).build());
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    Map<String, Object> fields = ArticleFields.of(r, withCluster);
    List<Object> values = new ArrayList<>(names.size());
    for (String n : names) {
      Object v = fields.get(n);
      Object cell = v instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList()) : v;
      values.add(cell instanceof String text ? neutralise(text) : cell);
    }
    printer.printRecord(values);
  }

  /** {@code text} with a leading {@code '} when a spreadsheet would read it as a formula. */
  static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  @Override
  public void finish() throws IOException {
    printer.flush();
  }
}
