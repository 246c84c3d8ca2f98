package dev.newsvault.crawl;

import dev.newsvault.config.Settings;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which discovered URLs are worth fetching at all, before scope and depth: http(s) only, the include and
 * exclude patterns of the settings, and only URLs that are likely to be HTML pages (no images, feeds,
 * scripts or documents, whose bytes would be downloaded only to be thrown away).
 */
final class LinkFilter {

  /** Extensions of things that are not web pages, beyond what the default exclude pattern lists. */
  private static final Set<String> NOT_HTML = Set.of("css", "js", "mjs", "json", "xml", "rss", "atom", "rdf",
      "txt", "csv", "tsv", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff",
      "pdf", "zip", "gz", "tgz", "bz2", "xz", "rar", "7z", "tar", "mp3", "mp4", "m4a", "m4v", "ogg", "oga", "ogv",
      "wav", "flac", "webm", "avi", "mov", "wmv", "mkv", "woff", "woff2", "ttf", "otf", "eot", "exe", "msi",
      "dmg", "apk", "iso", "bin", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "epub", "swf",
      "ics", "vcf", "torrent", "wasm");

  private final Settings settings;

  LinkFilter(Settings settings) {
    this.settings = settings;
  }

  boolean accepts(String url) {
    return isHttp(url) && likelyHtml(url) && settings.allows(url);
  }

  static boolean isHttp(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  /** Judged by the last path segment's extension; pages without one (most news URLs) count as HTML. */
  static boolean likelyHtml(String url) {
    String path;
    try {
      path = URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (path == null) {
      return true;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    if (dot < 0 || dot == last.length() - 1) {
      return true;
    }
    return !NOT_HTML.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
