package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Stored pages decompress to their bytes whatever the gzip looks like, and damage is an error, not a page. */
class GunzipTest {

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  static byte[] page(int paragraphs) {
    StringBuilder b = new StringBuilder("<!doctype html><html><body>");
    for (int i = 0; i < paragraphs; i++) {
      b.append("<p>Paragraph ").append(i).append(": the council met on ").append(i % 28 + 1)
          .append(" March and voted — ünanimously — to widen the harbour road.</p>\n");
    }
    return b.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStoredPageAndAnEmptyOneComeBackByteForByte() throws IOException {
    try (Gunzip g = new Gunzip()) {
      for (byte[] p : new byte[][] {page(1), page(2_000), new byte[0]}) {
        assertThat(g.inflate(gzip(p))).isEqualTo(p);
      }
    }
  }

  @Test
  void twoMembersOrAHeaderWithAFileNameAreReadAsGzipReadsThem() throws IOException {
    byte[] a = page(3);
    byte[] b = page(5);
    byte[] both = concat(gzip(a), gzip(b));
    // FNAME set: a file name follows the ten fixed header bytes
    byte[] named = gzip(a);
    byte[] withName = concat(Arrays.copyOf(named, 10), "page.html\0".getBytes(StandardCharsets.ISO_8859_1),
        Arrays.copyOfRange(named, 10, named.length));
    withName[3] = 8;
    try (Gunzip g = new Gunzip()) {
      assertThat(g.inflate(both)).isEqualTo(concat(a, b));
      assertThat(g.inflate(withName)).isEqualTo(a);
    }
  }

  @Test
  void aWrongChecksumOrACutStreamFails() throws IOException {
    byte[] gz = gzip(page(50));
    byte[] badCrc = gz.clone();
    badCrc[gz.length - 8] ^= 1;
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    try (Gunzip g = new Gunzip()) {
      assertThatThrownBy(() -> g.inflate(badCrc)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> g.inflate(cut)).isInstanceOf(IOException.class);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
