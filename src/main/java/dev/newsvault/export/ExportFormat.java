package dev.newsvault.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The corpus formats {@code newsvault export} writes. */
public enum ExportFormat {
  /** One JSON object per line, news-please's field names. */
  JSONL,
  /** Plain text: one file per article into a directory, or one stream with separator lines. */
  TEXT,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** ISO 28500 WARC/1.1: raw captures, requests, revisits and the cleaned text as metadata records. */
  WARC,
  /** Markdown with YAML front matter: one file per article version in a folder per host, or one stream. */
  MARKDOWN;

  /** Parses a format name, case-insensitively; the error names the accepted values. */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + name + "'; use one of " + accepted());
  }

  static String accepted() {
    return Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", "));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
