package dev.newsvault.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The well-behaved side of every hostile case, one per test class: a server on 127.0.0.1 with a normal article
 * at {@code /normal}, and a template archive that already holds its {@code /earlier} article, copied into each
 * case's folder.
 */
final class NormalSite implements BeforeAllCallback, AfterAllCallback {

  private RawSite site;
  private Path dir;
  private Path template;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    site = new RawSite();
    site.html("/normal", Vault.article("Library opening hours extended", ""));
    dir = Files.createTempDirectory("newsvault-hostile");
    template = Vault.template(dir.resolve("template"), site);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    site.close();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  RawSite site() {
    return site;
  }

  Path template() {
    return template;
  }
}
