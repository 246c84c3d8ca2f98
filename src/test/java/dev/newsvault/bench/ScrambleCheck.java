package dev.newsvault.bench;

import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.extract.ScrambledNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Extracts every page of a directory as saved and again with hashed class and id names, reordered attributes and
 * new indentation ({@link ScrambledNames}), and counts the pages whose text differs: the pages where a redeploy of
 * the site's styles alone would make {@code check} report an edit. Lists them. A second argument {@code names}
 * renames without re-indenting.
 */
public final class ScrambleCheck {

  private ScrambleCheck() {}

  public static void main(String[] args) throws IOException {
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    // "names" keeps the page's own white space, to tell renamed classes from re-indented markup
    boolean reindent = args.length < 2 || !args[1].equals("names");
    List<Path> pages;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      pages = s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz")).sorted().toList();
    }
    int differ = 0;
    for (Path p : pages) {
      byte[] html;
      try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
          : Files.newInputStream(p)) {
        html = in.readAllBytes();
      }
      String url = "https://example.org/" + p.getFileName();
      String before = extractor.extract(html, null, url).text();
      String after = extractor.extract(ScrambledNames.scramble(html, url, reindent), null, url).text();
      if (!before.equals(after)) {
        differ++;
        System.out.printf("%s: %d -> %d chars%n", p.getFileName(), before.length(), after.length());
      }
    }
    System.out.printf("%d pages, %d whose text changes when only class and id names change%n", pages.size(), differ);
  }
}
