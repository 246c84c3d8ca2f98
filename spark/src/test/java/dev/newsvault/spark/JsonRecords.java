package dev.newsvault.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The records of an export's JSONL file and of the job's JSONL.gz shards, parsed for comparison. */
final class JsonRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRecords() {}

  /** The records of a {@code newsvault export --format jsonl} file. */
  static List<JsonNode> ofExport(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The records of the job's {@code OUT/jsonl/part-*.gz} shards, in shard order. */
  static List<JsonNode> ofJob(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("jsonl"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
      }
    }
    return parse(lines);
  }

  /** What identifies a record and its text: url, version, text hash, text, title, capture time and change label. */
  static Set<String> keys(List<JsonNode> records) {
    return records.stream().map(n -> String.join("|", n.get("url").asText(), n.get("version").asText(),
        n.get("text_sha256").asText(), n.get("maintext").asText(), n.get("title").asText(),
        n.get("date_download").asText(), n.get("change_kind").asText())).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The near-duplicate clusters as sets of url#version (cluster ids differ: archive ids against input order). */
  static Set<Set<String>> clusters(List<JsonNode> records) {
    Map<String, Set<String>> byId = new HashMap<>();
    for (JsonNode n : records) {
      JsonNode c = n.get("near_dup_cluster");
      if (c != null && !c.isNull()) {
        byId.computeIfAbsent(c.asText(), k -> new TreeSet<>()).add(n.get("url").asText() + "#" + n.get("version"));
      }
    }
    return Set.copyOf(byId.values());
  }

  private static List<JsonNode> parse(List<String> lines) {
    return lines.stream().filter(l -> !l.isBlank()).map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
