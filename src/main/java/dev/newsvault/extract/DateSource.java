package dev.newsvault.extract;

/**
 * Where a page's date was read, as stored in the archive's {@code date_source} and exported:
 * machine-readable statements first ({@code json-ld}, {@code meta}, {@code microdata}), then what a
 * reader sees ({@code time} elements and microformat timestamps, the {@code url} path, a visible date
 * {@code text} near the headline), a publication key in the app state of the page's inline scripts
 * ({@code script}, the last resort), and {@code feed} for a date taken from the feed that listed the page.
 */
public enum DateSource {
  JSON_LD("json-ld"),
  META("meta"),
  MICRODATA("microdata"),
  TIME("time"),
  URL("url"),
  TEXT("text"),
  SCRIPT("script"),
  FEED("feed");

  private final String label;

  DateSource(String label) {
    this.label = label;
  }

  /** The lower-case name stored and exported. */
  public String label() {
    return label;
  }

  /** The source of a stored label, or null for null or an unknown label. */
  public static DateSource ofLabel(String label) {
    for (DateSource s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    return null;
  }
}
