package dev.newsvault.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A synthetic news site for the crawl benchmark, served on 127.0.0.1 by a threaded in-process server:
 * a home page, {@value #SECTIONS} section pages and {@value #PER_SECTION} articles per section, each page
 * about 40 KB of realistic markup (navigation, inline script and style, teasers, body text, footer).
 *
 * <p>Usage: {@code SyntheticNewsSite PORT_FILE [ARTICLES_PER_SECTION]} writes the port to PORT_FILE and serves until
 * killed. With more articles per section than the default (2,000 makes a site of about 100,000 pages) the pages are
 * made as they are asked for rather than held.
 */
public final class SyntheticNewsSite {

  static final int SECTIONS = 50;
  static final int PER_SECTION = 100;

  private final int perSection;

  private static final String[] WORDS = ("council budget transport minister election court report hospital"
      + " school climate energy market shares police weather storm river bridge housing rent farmers harvest"
      + " festival museum theatre football season coach injury league vote parliament reform tax pension"
      + " doctors nurses strike union talks agreement deadline summit border trade export factory jobs")
      .split(" ");

  private final Map<String, byte[]> pages = new HashMap<>();

  SyntheticNewsSite() {
    this(PER_SECTION);
  }

  /** A site of {@code perSection} articles in each section; its pages are held only at the default size. */
  SyntheticNewsSite(int perSection) {
    this.perSection = perSection;
    if (perSection == PER_SECTION) {
      for (String path : paths()) {
        pages.put(path, make(path));
      }
    }
  }

  private List<String> paths() {
    List<String> out = new ArrayList<>(List.of("/robots.txt", "/"));
    for (int s = 0; s < SECTIONS; s++) {
      out.add("/s/" + s);
      for (int a = 0; a < perSection; a++) {
        out.add("/a/" + s + "/" + a);
      }
    }
    return out;
  }

  /** The page at {@code path}, or null when the site has none there. */
  private byte[] make(String path) {
    if (path.equals("/robots.txt")) {
      return "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
    }
    if (path.equals("/")) {
      return bytes(page("Front page", teasers(-1), ""));
    }
    String[] parts = path.split("/");
    try {
      if (parts.length == 3 && parts[1].equals("s")) {
        int s = Integer.parseInt(parts[2]);
        return s >= 0 && s < SECTIONS ? bytes(page("Section " + s, teasers(s), "")) : null;
      }
      if (parts.length == 4 && parts[1].equals("a")) {
        int s = Integer.parseInt(parts[2]);
        int a = Integer.parseInt(parts[3]);
        return s >= 0 && s < SECTIONS && a >= 0 && a < perSection
            ? bytes(page(headline(s, a), related(s, a), body(s, a))) : null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** Every page by path, for benchmarks that need the pages without the server (the WARC import benchmark). */
  public static Map<String, byte[]> pages() {
    return Map.copyOf(new SyntheticNewsSite().pages);
  }

  int size() {
    return 1 + SECTIONS + SECTIONS * perSection;
  }

  /** The bytes of all pages, when they are held (0 when they are made on request). */
  long bytesTotal() {
    return pages.values().stream().mapToLong(b -> b.length).sum();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String word(int i) {
    return WORDS[Math.floorMod(i, WORDS.length)];
  }

  private static String headline(int s, int a) {
    return Character.toUpperCase(word(s * 7 + a).charAt(0)) + word(s * 7 + a).substring(1) + " " + word(a * 3 + 1)
        + " " + word(s + a * 11) + " after " + word(a + 5) + " " + word(s * 13 + a + 2) + " (" + s + "/" + a + ")";
  }

  private static String page(String title, String links, String body) {
    StringBuilder b = new StringBuilder(44_000);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
        .append(" | The Synthetic Times</title><meta name=\"viewport\" content=\"width=device-width\">")
        .append("<meta property=\"og:title\" content=\"").append(title).append("\">")
        .append("<meta name=\"author\" content=\"Sam Writer\">")
        .append("<meta property=\"article:published_time\" content=\"2026-03-02T10:00:00Z\">")
        .append("<style>");
    for (int i = 0; i < 120; i++) {
      b.append(".c").append(i).append("{margin:0 ").append(i % 7).append("px;padding:").append(i % 5)
          .append("px;font:400 1rem/1.4 Georgia,serif;color:#").append(String.format("%06x", i * 2731)).append("}");
    }
    b.append("</style><script>window.__CONFIG__={");
    for (int i = 0; i < 150; i++) {
      b.append("\"flag").append(i).append("\":").append(i % 3 == 0).append(",\"slot").append(i)
          .append("\":\"ad-unit-").append(i * 17).append("\",");
    }
    b.append("\"end\":1};</script></head><body><header class=\"masthead\"><a href=\"/\">The Synthetic Times</a>")
        .append("<nav><ul>");
    for (int s = 0; s < SECTIONS; s++) {
      b.append("<li class=\"c").append(s).append("\"><a href=\"/s/").append(s).append("\">Section ").append(s)
          .append("</a></li>");
    }
    b.append("</ul></nav></header><main>");
    if (!body.isEmpty()) {
      b.append("<article><h1>").append(title).append("</h1><p class=\"byline\">By Sam Writer</p>")
          .append("<div class=\"article-body\">").append(body).append("</div></article>");
    } else {
      b.append("<h1>").append(title).append("</h1>");
    }
    b.append("<aside class=\"more\">").append(links).append("</aside>");
    b.append("<div class=\"ad-slot\" data-slot=\"1\"></div></main><footer>");
    for (int i = 0; i < 40; i++) {
      b.append("<a class=\"c").append(i).append("\" href=\"https://social.example/share?u=").append(i)
          .append("\" rel=\"nofollow\">Share ").append(i).append("</a> ");
    }
    b.append("<p>&copy; 2026 The Synthetic Times</p></footer></body></html>");
    while (b.length() < 40_000) {
      b.append("<!-- cache ").append(b.length()).append(" -->");
    }
    return b.toString();
  }

  private static String body(int s, int a) {
    StringBuilder b = new StringBuilder();
    for (int p = 0; p < 14; p++) {
      b.append("<p>");
      for (int w = 0; w < 70; w++) {
        b.append(word(s * 31 + a * 17 + p * 7 + w * w)).append(w % 12 == 11 ? ". " : " ");
      }
      b.append("</p>");
    }
    return b.toString();
  }

  private String teasers(int section) {
    StringBuilder b = new StringBuilder("<ul class=\"teasers\">");
    if (section < 0) {
      for (int s = 0; s < SECTIONS; s++) {
        for (int a = 0; a < 2; a++) {
          teaser(b, s, a);
        }
      }
    } else {
      for (int a = 0; a < perSection; a++) {
        teaser(b, section, a);
      }
    }
    return b.append("</ul>").toString();
  }

  private static void teaser(StringBuilder b, int s, int a) {
    b.append("<li><a href=\"/a/").append(s).append('/').append(a).append("\">").append(headline(s, a))
        .append("</a><p>").append(word(a)).append(' ').append(word(s + a)).append(' ').append(word(a * 5))
        .append("</p></li>");
  }

  private String related(int s, int a) {
    StringBuilder b = new StringBuilder("<ul class=\"related\">");
    for (int i = 1; i <= 5; i++) {
      teaser(b, s, (a + i) % perSection);
      teaser(b, (s + i) % SECTIONS, a);
    }
    return b.append("</ul>").toString();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      byte[] body = pages.isEmpty() ? make(path) : pages.get(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type",
          ex.getRequestURI().getPath().endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    // Without TCP_NODELAY every response stalls ~40 ms (Nagle against delayed ACK): the site, not the
    // crawler, would be measured.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SyntheticNewsSite site = new SyntheticNewsSite(args.length > 1 ? Integer.parseInt(args[1]) : PER_SECTION);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", site::handle);
    server.start();
    System.out.printf("synthetic site: %d pages, %.1f MB, on port %d%n", site.size(), site.bytesTotal() / 1e6,
        server.getAddress().getPort());
    Files.writeString(Path.of(args[0]), Integer.toString(server.getAddress().getPort()));
  }
}
