package dev.newsvault.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the hand-written pages under {@code src/test/resources/extract/} and their expected text. */
final class Fixtures {

  static final String[] PAGES = {
    "wordpress-blog", "news-site", "seed-iria", "seed-worlddesk", "jsonld-only", "opengraph",
    "plain", "windows-1252", "amp-microdata"
  };

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/extract/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] page(String name) {
    return bytes(name + ".html");
  }

  static String expectedText(String name) {
    return new String(bytes(name + ".txt"), StandardCharsets.UTF_8).strip();
  }

  static Article extract(String name, String url) {
    return new ArticleExtractor(ExtractionRules.NONE).extract(page(name), null, url);
  }
}
