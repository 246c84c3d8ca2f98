package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FastGzipTest {

  private static byte[] record(int i) {
    return ("record " + i + " " + "words of the story ".repeat(50 + i % 200) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void membersComeOutInOrderAndReadBackAsTheRecords() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    FastGzip gz = FastGzip.members(out);
    for (int i = 0; i < 500; i++) {
      gz.write(record(i));
      plain.write(record(i));
      gz.endMember();
    }
    gz.close();
    assertThat(gunzip(out.toByteArray())).isEqualTo(plain.toByteArray());
    int members = 0;
    byte[] b = out.toByteArray();
    for (int i = 0; i + 3 < b.length; i++) {
      if ((b[i] & 0xFF) == 0x1f && (b[i + 1] & 0xFF) == 0x8b && b[i + 2] == 8 && b[i + 3] == 0) {
        members++;
      }
    }
    assertThat(members).as("one gzip member a record (headers found)").isGreaterThanOrEqualTo(500);
  }

  @Test
  void aStreamReadsBackAsWhatWasWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (FastGzip gz = FastGzip.stream(out)) {
      for (int i = 0; i < 2_000; i++) {
        gz.write(record(i));
        plain.write(record(i));
      }
    }
    assertThat(gunzip(out.toByteArray())).isEqualTo(plain.toByteArray());
  }

  /** A disk that fills up: the failure reaches the exporting thread as an error, and nothing waits for ever. */
  @Test
  @Timeout(60)
  void aWriteThatFailsIsReportedAndNeverHangs() {
    for (boolean members : new boolean[] {true, false}) {
      OutputStream full = fillsUp();
      assertThatThrownBy(() -> {
        try (FastGzip gz = members ? FastGzip.members(full) : FastGzip.stream(full)) {
          for (int i = 0; i < 5_000; i++) {
            gz.write(record(i));
            if (members) {
              gz.endMember();
            }
          }
        }
      }).as(members ? "members" : "stream").isInstanceOf(IOException.class)
          .hasMessageContaining("cannot write the export").hasMessageContaining("No space left on device");
    }
  }

  /** A stream that takes 50,000 bytes, then fails as a full disk does. */
  private static OutputStream fillsUp() {
    return new OutputStream() {
      private long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > 50_000) {
          throw new IOException("No space left on device");
        }
      }
    };
  }
}
