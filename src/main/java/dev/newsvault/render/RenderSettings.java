package dev.newsvault.render;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code render.*} settings, with their defaults.
 *
 * @param hosts hosts whose pages are always rendered ({@code render.hosts}, comma-separated; none)
 * @param concurrency browsers at most ({@code render.concurrency}, 1)
 * @param timeoutMs how long a page may take to load ({@code render.timeout.ms}, 30000)
 * @param settleMs how long to wait after load for the network to go quiet ({@code render.settle.ms}, 3000)
 * @param browser the Chromium binary ({@code render.browser}; empty finds Debian's or another usual one)
 * @param memoryMb a browser using more memory than this after a page is restarted ({@code render.memory.mb},
 *     1024)
 * @param width the viewport width in CSS pixels ({@code render.width}, 1280)
 * @param maxHeight the tallest screenshot, in CSS pixels ({@code render.screenshot.max.height}, 8000)
 * @param format the screenshot format, webp or jpeg ({@code render.screenshot.format}, webp)
 * @param quality the screenshot quality from 1 to 100 ({@code render.screenshot.quality}, 70)
 */
public record RenderSettings(Set<String> hosts, int concurrency, long timeoutMs, long settleMs, String browser,
    int memoryMb, int width, int maxHeight, String format, int quality) {

  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("render.hosts", "");
    KEYS.put("render.concurrency", "1");
    KEYS.put("render.timeout.ms", "30000");
    KEYS.put("render.settle.ms", "3000");
    KEYS.put("render.browser", "");
    KEYS.put("render.memory.mb", "1024");
    KEYS.put("render.width", "1280");
    KEYS.put("render.screenshot.max.height", "8000");
    KEYS.put("render.screenshot.format", "webp");
    KEYS.put("render.screenshot.quality", "70");
  }

  /** Where Chromium is looked for when {@code render.browser} is empty (the binary, not Debian's wrapper). */
  static final List<String> BROWSERS = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium",
      "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

  public RenderSettings {
    hosts = Set.copyOf(hosts);
  }

  /** Reads and validates the {@code render.*} group; an unknown key or a bad value names the key. */
  public static RenderSettings of(Settings s) {
    Map<String, String> v = new LinkedHashMap<>(KEYS);
    for (var e : s.group("render.").entrySet()) {
      if (!KEYS.containsKey(e.getKey())) {
        throw new ConfigException("unknown config key '" + e.getKey() + "'"
            + ConfigLoader.didYouMean(e.getKey(), KEYS.keySet()) + "; render keys: " + String.join(", ", KEYS.keySet()));
      }
      v.put(e.getKey(), e.getValue().strip());
    }
    Set<String> hosts = new TreeSet<>();
    for (String h : v.get("render.hosts").split(",")) {
      if (!h.isBlank()) {
        hosts.add(h.strip().toLowerCase(Locale.ROOT));
      }
    }
    String format = v.get("render.screenshot.format").toLowerCase(Locale.ROOT);
    if (!format.equals("webp") && !format.equals("jpeg")) {
      throw new ConfigException("config key 'render.screenshot.format' has value '" + format
          + "'; it accepts webp or jpeg (default: webp)");
    }
    return new RenderSettings(hosts, integer(v, "render.concurrency", 1, 16), integer(v, "render.timeout.ms", 1000,
        600_000), integer(v, "render.settle.ms", 0, 60_000), v.get("render.browser"),
        integer(v, "render.memory.mb", 128, 65_536), integer(v, "render.width", 320, 4096),
        integer(v, "render.screenshot.max.height", 200, 50_000), format,
        integer(v, "render.screenshot.quality", 1, 100));
  }

  /** Whether every page of {@code host} is rendered. */
  public boolean rendersHost(String host) {
    return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
  }

  /** The browser binary newsvault starts: {@code render.browser}, or the first usual one found. */
  public Path browserBinary() {
    return binary();
  }

  /** The browser binary to start. */
  Path binary() {
    if (!browser.isBlank()) {
      return Path.of(browser);
    }
    for (String b : BROWSERS) {
      if (Files.isExecutable(Path.of(b))) {
        return Path.of(b);
      }
    }
    return Path.of("chromium");
  }

  private static int integer(Map<String, String> v, String k, int min, int max) {
    String s = v.get(k);
    try {
      int n = Integer.parseInt(s.replace("_", ""));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("config key '" + k + "' has value '" + s + "'; it accepts a whole number from "
        + min + " to " + max + " (default: " + KEYS.get(k) + ")");
  }
}
