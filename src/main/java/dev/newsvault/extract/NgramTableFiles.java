package dev.newsvault.extract;

import com.github.pemistahl.lingua.api.Language;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by the build (after compiling, before the jar is made): writes the n-gram tables of the languages
 * {@link TextLanguage} detects, made from Lingua's model files as {@link LinguaModels#fromModels} makes them,
 * into the classes folder, where {@link LinguaModels#precomputed} finds them at run time. Making them takes
 * about half a CPU-second (reading tens of MB of JSON and merging the models), which every process that
 * detected a language used to pay on its first page.
 */
public final class NgramTableFiles {

  private NgramTableFiles() {}

  /** Usage: {@code NgramTableFiles CLASSES_DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NgramTableFiles CLASSES_DIR");
    }
    Path dir = Path.of(args[0], LinguaModels.TABLES.substring(1));
    Files.createDirectories(dir);
    for (List<Language> group : LinguaModels.groups(TextLanguage.LANGUAGES)) {
      for (int length = 1; length <= 3; length++) {
        Path file = dir.resolve(LinguaModels.tableName(group, length));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
          LinguaModels.fromModels(group, length).write(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
