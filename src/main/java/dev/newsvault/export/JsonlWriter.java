package dev.newsvault.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/** One JSON object per line (JSON Lines), UTF-8, '\n' between records. */
final class JsonlWriter implements RecordWriter {

  private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Writer out;
  private final boolean withCluster;

  JsonlWriter(Writer out, boolean withCluster) {
    this.out = out;
    this.withCluster = withCluster;
  }

  @Override
  public void write(ExportRecord r) throws IOException {
    out.write(JSON.writeValueAsString(ArticleFields.of(r, withCluster)));
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
