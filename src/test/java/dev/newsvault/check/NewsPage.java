package dev.newsvault.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The news page fixture {@code check/article.html} with its placeholders filled: body paragraph, title and
 * byline (the article), and the page furniture a site changes on every request (timestamps, related and
 * most-read lists, comment counts, ad ids, session tokens, tracking parameters, the footer year).
 */
final class NewsPage {

  static final String PARA3 = "The libraries' budget falls by 1.2 million pounds next year. The council's finance"
      + " chief said the cut was painful but necessary after the government reduced its grant for the third year"
      + " running.";

  private final Map<String, String> values = new LinkedHashMap<>();

  private NewsPage() {
    values.put("TITLE", "Council cuts library hours across the city");
    values.put("BYLINE", "Maria Okafor");
    values.put("CANONICAL", "");
    values.put("PARA3", PARA3);
    values.put("UPDATED", "08:15");
    values.put("FTSE", "8,120.5");
    values.put("AD", "slot-4411");
    values.put("SESSION", "a81f33c0d2");
    values.put("TRACK", "hp-1");
    values.put("COMMENTS", "12");
    values.put("YEAR", "2026");
    values.put("RELATED", related("Harbour bridge repairs delayed again", "New bus routes from March"));
    values.put("MOSTREAD", related("Storm warning for the coast", "Ferry fares to rise", "Stadium plan approved"));
  }

  static NewsPage original() {
    return new NewsPage();
  }

  /** The same article with every piece of page furniture changed. */
  static NewsPage withChurnedFurniture() {
    return original()
        .set("UPDATED", "10:42")
        .set("FTSE", "8,133.9")
        .set("AD", "slot-9902")
        .set("SESSION", "ff0192bb77")
        .set("TRACK", "hp-7")
        .set("COMMENTS", "57")
        .set("YEAR", "2027")
        .set("RELATED", related("New bus routes from March", "Fishing fleet returns early", "School meals review"))
        .set("MOSTREAD", related("Ferry fares to rise", "Council cuts library hours", "Snow expected"));
  }

  NewsPage set(String key, String value) {
    values.put(key, value);
    return this;
  }

  static String related(String... titles) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (String t : titles) {
      b.append("<li><a href=\"/news/story-").append(++i).append("?utm_source=related\">").append(t).append("</a></li>");
    }
    return b.toString();
  }

  String html() {
    String s = template("article.html");
    for (Map.Entry<String, String> e : values.entrySet()) {
      s = s.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return s;
  }

  static String template(String name) {
    try (InputStream in = NewsPage.class.getResourceAsStream("/check/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource check/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
