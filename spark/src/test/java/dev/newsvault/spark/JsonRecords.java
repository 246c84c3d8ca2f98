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
import java.util.List;
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
