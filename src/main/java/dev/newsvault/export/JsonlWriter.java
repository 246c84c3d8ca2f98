package dev.newsvault.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/** One JSON object per line (JSON Lines), UTF-8, '\n' between records. */
final class JsonlWriter implements RecordWriter {

  private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Writer out;
  /** One generator for the whole file, writing through to {@code out}: no String per record. */
  private final JsonGenerator json;
  private final boolean withCluster;

  JsonlWriter(Writer out, boolean withCluster) throws IOException {
    this.out = out;
    this.json = JSON.getFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
        .setRootValueSeparator(null); // records are separated by the '\n' written below, not Jackson's space
    this.withCluster = withCluster;
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    ArticleFields.writeJson(json, r, withCluster);
    json.writeRaw('\n');
  }

  @Override
  public void finish() throws IOException {
    json.flush();
    out.flush();
  }
}
