package dev.newsvault.export;

import java.util.Locale;

/** What an export does with near-duplicate articles (same text, lightly edited or re-wrapped). */
public enum NearDupMode {
  /** Write only the earliest article of each near-duplicate cluster. */
  DROP,
  /** Write every article; members of a cluster carry its {@code near_dup_cluster} id. */
  MARK,
  /** Do not look for near-duplicates (exact duplicates are still collapsed). */
  KEEP;

  public static NearDupMode parse(String name) {
    for (NearDupMode m : values()) {
      if (m.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown --near-dups value '" + name + "'; use one of drop, mark, keep");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
