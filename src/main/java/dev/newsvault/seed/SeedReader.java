package dev.newsvault.seed;

import crawlercommons.filters.basic.BasicURLNormalizer;
import dev.newsvault.config.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads seed files: one URL per line, {@code #} comments (a whole line, or after whitespace), blank lines,
 * and optional settings after a TAB as {@code key=value} pairs separated by spaces or commas:
 * {@code depth=N}, {@code scope=host|domain|any}, {@code type=page|feed|sitemap}, {@code render=browser|plain},
 * {@code header.NAME=VALUE} and {@code cookie=NAME=VALUE} (for the seed's host only; see {@code SiteRequests}). A bad line is reported
 * with its file and line number and skipped; the other lines still count, also when a line is not valid
 * UTF-8.
 */
public final class SeedReader {

  /** Deepest per-seed depth accepted, the same bound as {@code max.depth}. */
  static final int MAX_DEPTH = 1000;

  private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

  private SeedReader() {}

  /** Reads a seed file, or every {@code *.txt} file of a folder in name order. */
  public static SeedList read(Path fileOrFolder) {
    List<Seed> seeds = new ArrayList<>();
    List<SeedProblem> problems = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
            .filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        problems.add(new SeedProblem(fileOrFolder, 0, "cannot list the seed folder: " + e.getMessage()));
        return new SeedList(seeds, problems);
      }
      if (files.isEmpty()) {
        problems.add(new SeedProblem(fileOrFolder, 0, "the seed folder has no *.txt files; add one with a URL"
            + " per line"));
      }
      for (Path f : files) {
        readFile(f, seeds, problems);
      }
    } else if (Files.isRegularFile(fileOrFolder)) {
      readFile(fileOrFolder, seeds, problems);
    } else {
      problems.add(new SeedProblem(fileOrFolder, 0, "no such seed file or folder; create it, or point the"
          + " 'seeds' setting (--set seeds=PATH) at one"));
    }
    return new SeedList(seeds, problems);
  }

  private static void readFile(Path file, List<Seed> seeds, List<SeedProblem> problems) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(new SeedProblem(file, 0, "cannot read the seed file: " + e));
      return;
    }
    // Each line is decoded on its own, so one line with a stray byte costs that line, not the file.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int lineNo = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      lineNo++;
      int stop = end;
      try {
        String line = decoder.reset().decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
        Seed s = parseLine(file, lineNo, line);
        if (s != null) {
          seeds.add(s);
        }
      } catch (CharacterCodingException e) {
        problems.add(new SeedProblem(file, lineNo, "the line is not valid UTF-8 text (" + badByte(bytes, start, stop)
            + "); save the seed file as UTF-8"));
      } catch (BadSeedException e) {
        problems.add(new SeedProblem(file, lineNo, e.getMessage()));
      }
      // A line ends with LF, CR LF or CR, as Files.readAllLines has it.
      start = end + (end + 1 < bytes.length && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
    }
  }

  /** Where the first undecodable byte of a line is, for the report. */
  private static String badByte(byte[] bytes, int start, int stop) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, stop - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(stop - start + 1);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    int at = in.position();
    return r.isError() && at < stop
        ? String.format(Locale.ROOT, "byte 0x%02X at byte %d of the line", bytes[at] & 0xff, at - start + 1)
        : "it ends inside a character";
  }

  /** Parses one line; null for a blank or comment line. */
  static Seed parseLine(Path file, int lineNo, String raw) throws BadSeedException {
    String line = stripComment(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
    if (line.isBlank()) {
      return null;
    }
    int tab = line.indexOf('\t');
    String urlPart = (tab < 0 ? line : line.substring(0, tab)).strip();
    String options = tab < 0 ? "" : line.substring(tab + 1).strip();
    if (urlPart.isEmpty()) {
      throw new BadSeedException("settings without a URL; put the URL first, then a TAB, then key=value");
    }
    if (urlPart.chars().anyMatch(Character::isWhitespace)) {
      throw new BadSeedException("'" + urlPart + "' contains a space; separate the URL from its settings"
          + " with a TAB");
    }
    String url = normalize(urlPart);
    Integer depth = null;
    Scope scope = null;
    SeedType type = SeedType.PAGE;
    boolean render = false;
    java.util.Map<String, String> requests = new java.util.LinkedHashMap<>();
    for (String pair : options.split("[\\s,]+")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new BadSeedException("setting '" + pair + "' is not key=value; use depth=N, scope=host|domain|any"
            + " or type=page|feed|sitemap");
      }
      String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
      if (key.startsWith("header.") || key.equals("cookie")) {
        // names and values keep their case; a cookie value holds its own '=' (cookie=consent=yes)
        requests.merge(key.equals("cookie") ? key : "header." + pair.substring(7, eq), pair.substring(eq + 1),
            (a, b) -> a + ";" + b);
        continue;
      }
      String value = pair.substring(eq + 1).toLowerCase(Locale.ROOT);
      switch (key) {
        case "depth" -> depth = depth(value);
        case "scope" -> scope = choice(Scope.class, key, value);
        case "type" -> type = choice(SeedType.class, key, value);
        case "render" -> render = render(value);
        default -> throw new BadSeedException("unknown setting '" + key + "'" + dev.newsvault.config.ConfigLoader
            .didYouMean(key, List.of("depth", "scope", "type", "render", "cookie")) + "; seed lines accept depth,"
            + " scope, type, render, header.NAME and cookie");
      }
    }
    return new Seed(url, file, lineNo, depth, scope, type, render, requests);
  }

  /** Removes a {@code #} comment that starts the line or follows whitespace (a URL fragment stays). */
  static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Normalises an http(s) URL as the crawl does, or explains why it cannot be used. */
  public static String normalize(String url) throws BadSeedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new BadSeedException("'" + url + "' is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new BadSeedException("'" + url + "' is not an http or https URL; write it as https://host/path");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new BadSeedException("'" + url + "' has no host name; write it as https://host/path");
    }
    String n = NORMALIZER.filter(url);
    if (n == null) {
      throw new BadSeedException("'" + url + "' cannot be normalised into a usable URL; check its spelling");
    }
    return n;
  }

  private static boolean render(String value) throws BadSeedException {
    return switch (value) {
      case "browser" -> true;
      case "plain" -> false;
      default -> throw new BadSeedException("render=" + value + " is not browser or plain");
    };
  }

  private static int depth(String value) throws BadSeedException {
    try {
      int d = Integer.parseInt(value);
      if (d >= 0 && d <= MAX_DEPTH) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadSeedException("depth=" + value + " is not a whole number from 0 to " + MAX_DEPTH);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String key, String value) throws BadSeedException {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    List<String> names = Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    throw new BadSeedException(key + "=" + value + " is not one of " + String.join(", ", names));
  }

  /** A seed line that cannot be used; the message says why. */
  public static final class BadSeedException extends Exception {
    public BadSeedException(String message) {
      super(message);
    }
  }
}
