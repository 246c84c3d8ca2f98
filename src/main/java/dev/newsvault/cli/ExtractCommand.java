package dev.newsvault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.config.Settings;
import dev.newsvault.export.FrontMatter;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsvault extract}: runs the article extractor over saved HTML files (or standard input)
 * and prints what it found, one JSON object per file or as plain text. A file that cannot be read, that is
 * (or decompresses to) more than {@code max.page.bytes}, or that the extractor fails on is reported on
 * stderr and skipped; the exit code is 1 if any was.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Extract article text and metadata from saved HTML pages (.html, .htm, .html.gz): JSON lines"
        + " (text and Markdown), plain text, or Markdown with YAML front matter.")
public final class ExtractCommand implements Callable<Integer> {

  enum Format {
    jsonl,
    text,
    markdown
  }

  @Option(names = "--format", defaultValue = "jsonl", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--url", description = "The page's URL, for resolving links and dates in the URL.")
  String url;

  @Option(names = "--max-page-bytes", paramLabel = "N",
      description = "Largest page read, after decompression (default: max.page.bytes, ${DEFAULT-VALUE}).")
  long maxBytes = Settings.defaults().maxPageBytes();

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "HTML files or directories; '-' or none reads standard input.")
  List<String> paths = new ArrayList<>();

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() {
    if (maxBytes < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-page-bytes must be a positive number of bytes, not " + maxBytes);
    }
    // JSON escapes control characters itself; text and Markdown are the page's own characters.
    PrintWriter out = format == Format.jsonl ? spec.commandLine().getOut() : Terminal.safe(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    boolean failed = false;
    List<String> inputs = paths.isEmpty() ? List.of("-") : paths;
    for (String input : inputs) {
      List<Path> files;
      if (input.equals("-")) {
        failed |= !process(extractor, "-", this::readStdin, out, err);
        continue;
      }
      try {
        files = expand(Paths.get(input));
      } catch (IOException | UncheckedIOException e) {
        err.println("newsvault extract: cannot read " + input + ": " + message(e));
        failed = true;
        continue;
      }
      for (Path file : files) {
        failed |= !process(extractor, file.toString(), () -> read(file, maxBytes), out, err);
      }
    }
    out.flush();
    err.flush();
    return failed ? 1 : 0;
  }

  private interface Source {
    byte[] read() throws IOException;
  }

  private boolean process(ArticleExtractor extractor, String name, Source source, PrintWriter out, PrintWriter err) {
    byte[] bytes;
    try {
      bytes = source.read();
    } catch (TooLargeException e) {
      err.println("newsvault extract: skipped " + name + ": " + e.getMessage());
      return false;
    } catch (IOException | UncheckedIOException e) {
      err.println("newsvault extract: cannot read " + name + ": " + message(e));
      return false;
    }
    Article a;
    try {
      a = extractor.extract(bytes, null, url);
    } catch (RuntimeException | StackOverflowError e) {
      err.println("newsvault extract: cannot extract " + name + ": " + e);
      return false;
    }
    if (format == Format.markdown) {
      Map<String, Object> fields = fields(name, a);
      fields.remove("maintext");
      out.print(FrontMatter.document(fields, a.markdown()));
    } else if (format == Format.text) {
      out.println("==> " + name + " <==");
      out.println(a.title() == null ? "" : a.title());
      out.println();
      out.println(a.text());
      out.println();
    } else {
      out.println(toJson(name, a));
    }
    return true;
  }

  private static String toJson(String file, Article a) {
    Map<String, Object> m = fields(file, a);
    m.put("markdown", a.markdown());
    // the names extract used before, kept as aliases for scripts that read them (docs/commands.md#extract)
    m.put("text", a.text());
    m.put("published", a.published());
    m.put("modified", a.modified());
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> fields(String file, Article a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("url", a.url());
    m.put("title", a.title());
    // export's names (news-please's), so an extract and an export read alike
    m.put("maintext", a.text());
    m.put("authors", a.authors());
    m.put("date_publish", a.published());
    m.put("date_modify", a.modified());
    m.put("date_source", a.dateSource());
    m.put("modified_source", a.modifiedSource());
    m.put("canonical_url", a.canonicalUrl());
    m.put("site_name", a.siteName());
    m.put("language", a.language());
    m.put("language_detected", a.languageDetected());
    m.put("description", a.description());
    m.put("tags", a.tags());
    m.put("image_url", a.imageUrl());
    return m;
  }

  /** A file as itself; a directory as its HTML files, recursively, in sorted order. */
  static List<Path> expand(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      if (!Files.exists(p)) {
        throw new IOException("no such file or directory");
      }
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile).filter(ExtractCommand::isHtml).sorted().toList();
    }
  }

  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz");
  }

  /** A page over the size limit; its message says which limit and how to raise it. */
  private static final class TooLargeException extends IOException {
    TooLargeException(String message) {
      super(message);
    }
  }

  /** The file's bytes, gunzipped for {@code .gz}; never more than {@code max} (a bomb stops at the limit). */
  private static byte[] read(Path file, long max) throws IOException {
    boolean gz = file.getFileName().toString().endsWith(".gz");
    try (InputStream in = gz ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      return readAtMost(in, max, gz ? "it expands to" : "it is");
    }
  }

  private static byte[] readAtMost(InputStream in, long max, String what) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw new TooLargeException(what + " more than " + max + " bytes (max.page.bytes); raise --max-page-bytes"
          + " to read it");
    }
    return bytes;
  }

  private byte[] readStdin() throws IOException {
    return readAtMost(System.in, maxBytes, "standard input holds");
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
