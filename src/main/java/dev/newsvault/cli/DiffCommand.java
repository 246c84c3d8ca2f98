package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.UrlIdentity;
import dev.newsvault.check.DiffRenderer;
import dev.newsvault.check.MetadataChanges;
import dev.newsvault.check.TextDiff;
import dev.newsvault.check.WordDiff;
import dev.newsvault.config.Plural;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault diff URL [V1 [V2]]}: a word-level diff of two versions of an article. */
@Command(name = "diff", description = {
    "Show what changed between two versions of an article, word by word: [-deleted-]{+inserted+}, or red and"
        + " green on a terminal. Default: the last two versions; V1 alone compares V1 with the current version.",
    "Only paragraphs with changes are shown unless --full."})
public final class DiffCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "URL", description = "The article's URL: as archived, its canonical URL, or another form of"
      + " either (http or https, www., tracking parameters, #fragment).")
  String url;

  @Parameters(index = "1", arity = "0..1", paramLabel = "V1", description = "The older version number.")
  Integer v1;

  @Parameters(index = "2", arity = "0..1", paramLabel = "V2", description = "The newer version number.")
  Integer v2;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "always, never or auto (default: colour on a terminal unless NO_COLOR is set).")
  String color;

  @Option(names = "--full", description = "Show the whole text, not only the paragraphs that changed.")
  boolean full;

  @Override
  public Integer call() throws Exception {
    DiffRenderer.Style style = style(color);
    // Archived text came from the web: only the diff's own colours reach the terminal.
    PrintWriter out = Terminal.safe(spec.commandLine().getOut(),
        style == DiffRenderer.Style.ANSI ? Set.of("\u001b[31m", "\u001b[32m", "\u001b[0m") : Set.of());
    PrintWriter err = spec.commandLine().getErr();
    try (Archive archive = Archive.openReadOnly(config.settings().database())) {
      Optional<ArticleRecord> found = UrlIdentity.find(archive, url);
      if (found.isEmpty()) {
        err.println("newsvault: " + url + " is not in the archive " + archive.file() + "; ./newsvault stats lists sites");
        return ExitCodes.PARTIAL;
      }
      ArticleRecord a = found.get();
      List<VersionRecord> versions = archive.reader().versions(a.id());
      int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
      if (v1 == null && last < 2) {
        out.println(a.url() + " has only " + last + " version" + (last == 1 ? "" : "s") + "; nothing to compare"
            + " (./newsvault check " + a.url() + " looks for a new one)");
        out.flush();
        return ExitCodes.OK;
      }
      int from = v1 == null ? last - 1 : v1;
      int to = v2 == null ? last : v2;
      VersionRecord before = pick(versions, from, a, last);
      VersionRecord after = pick(versions, to, a, last);
      DiffRenderer renderer = new DiffRenderer(style, full);
      out.printf("%s%n", a.url());
      out.printf("--- v%d  %s  %s  %,d words%n", before.version(), Format.time(before.fetchedAt()), before.textHash(),
          before.wordCount());
      out.printf("+++ v%d  %s  %s  %,d words%n", after.version(), Format.time(after.fetchedAt()), after.textHash(),
          after.wordCount());
      for (String line : MetadataChanges.between(before, after, renderer)) {
        out.println(line);
      }
      TextDiff d = WordDiff.of(Terminal.clean(before.text()), Terminal.clean(after.text()));
      out.printf("text: %s added, %d removed%n", Plural.of(d.wordsAdded(), "word"), d.wordsRemoved());
      String body = renderer.render(d);
      if (!body.isEmpty()) {
        out.println();
        out.println(body);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static VersionRecord pick(List<VersionRecord> versions, int n, ArticleRecord a, int last) {
    return versions.stream().filter(v -> v.version() == n).findFirst().orElseThrow(() ->
        new IllegalArgumentException(a.url() + " has versions 1 to " + last + ", not " + n
            + " (./newsvault history " + a.url() + " lists them)"));
  }

  static DiffRenderer.Style style(String when) {
    return switch (when.toLowerCase(Locale.ROOT)) {
      case "always" -> DiffRenderer.Style.ANSI;
      case "never" -> DiffRenderer.Style.MARKUP;
      case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null
          ? DiffRenderer.Style.ANSI : DiffRenderer.Style.MARKUP;
      default -> throw new IllegalArgumentException("--color takes always, never or auto, not '" + when + "'");
    };
  }
}
