package dev.newsvault.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.extract.HtmlDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The sections a page declares itself in, read from its stored raw page: every {@code article:section} meta
 * tag in the head, then every JSON-LD {@code articleSection} (a string or a list, at any depth, so
 * {@code @graph} counts), in page order, blank and over-long values dropped, case-variant repeats dropped.
 * A page that declares none has no categories; nothing is guessed from the URL or the text. Read once, when
 * a version is archived ({@code article_version.categories_json}), so an export never reads the raw page for it.
 */
public final class Categories {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LD = Pattern.compile(
      "<script[^>]*application/ld\\+json[^>]*>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
  private static final int MAX_LENGTH = 100;
  private static final Evaluator SECTION_META =
      QueryParser.parse("meta[property=article:section], meta[name=article:section]");

  private Categories() {}

  public static List<String> of(byte[] rawPage, String contentType) {
    if (rawPage == null || rawPage.length == 0 || !declaresASection(rawPage)) {
      return List.of();
    }
    String html = HtmlDecoder.decode(rawPage, contentType).html();
    Map<String, String> out = new LinkedHashMap<>();
    Matcher end = HEAD_END.matcher(html);
    // Only the head holds meta tags; parsing just that keeps a large body from costing a second full parse.
    Document head = Jsoup.parse(end.find() ? html.substring(0, end.start()) : html);
    for (Element m : head.select(SECTION_META)) {
      add(out, m.attr("content"));
    }
    Matcher ld = LD.matcher(html);
    while (ld.find()) {
      try {
        for (JsonNode section : JSON.readTree(ld.group(1)).findValues("articleSection")) {
          if (section.isArray()) {
            section.forEach(s -> add(out, s.asText(null)));
          } else {
            add(out, section.asText(null));
          }
        }
      } catch (IOException e) {
        // a broken JSON-LD block declares nothing; the page's meta tags still count
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Whether the bytes hold either marker at all: most pages that declare no section are passed over without
   * decoding or parsing them, which keeps the export's speed. Both markers are ASCII in every charset a page
   * can be served in except UTF-16, which news pages are not.
   */
  static boolean declaresASection(byte[] page) {
    String latin = new String(page, StandardCharsets.ISO_8859_1);
    return latin.contains("article:section") || latin.contains("articleSection");
  }

  private static void add(Map<String, String> out, String value) {
    if (value == null) {
      return;
    }
    String v = value.strip();
    if (!v.isEmpty() && v.length() <= MAX_LENGTH) {
      out.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
    }
  }
}
