package dev.newsvault.notify;

import dev.newsvault.seed.Seed;
import dev.newsvault.seed.SeedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which seed list an article's host belongs to: the lists are the {@code *.txt} files of the seeds folder (or
 * the one seeds file), and a host belongs to each list with a seed on it. Read once per process; missing
 * seeds simply mean no lists.
 */
final class SeedLists {

  private final Map<String, String> listByHost = new LinkedHashMap<>();

  SeedLists(Path seeds) {
    List<Path> files;
    if (Files.isRegularFile(seeds)) {
      files = List.of(seeds);
    } else if (Files.isDirectory(seeds)) {
      try (Stream<Path> s = Files.list(seeds)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      } catch (IOException e) {
        files = List.of();
      }
    } else {
      files = List.of();
    }
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.txt$", "");
      for (Seed s : SeedReader.read(f).seeds()) {
        listByHost.putIfAbsent(host(s.url()), name);
      }
    }
  }

  /** The first list (by file name) with a seed on {@code host}, or null. */
  String listOf(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    String l = listByHost.get(h);
    if (l == null && h.startsWith("www.")) {
      l = listByHost.get(h.substring(4));
    }
    return l == null ? listByHost.get("www." + h) : l;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
