package dev.newsvault.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The schema.org article object of a page's JSON-LD, if any. Pages wrap it in arrays and
 * {@code @graph}s and sometimes write sloppy JSON, so parsing is lenient and a broken block is
 * skipped rather than failing the page.
 */
record JsonLd(JsonNode article, List<JsonNode> all) {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
          "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
          "liveblogposting", "techarticle", "scholarlyarticle", "report", "posting", "review");

  static final JsonLd EMPTY = new JsonLd(null, List.of());

  static JsonLd of(PageIndex index) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : index.ldScripts) {
      String json = script.data().trim();
      if (json.isEmpty()) {
        continue;
      }
      try {
        flatten(MAPPER.readTree(json), nodes, 0);
      } catch (Exception e) {
        // A broken block says nothing; the page's other signals still count.
      }
    }
    JsonNode article = null;
    for (JsonNode n : nodes) {
      if (isArticle(n) && (article == null || !article.has("articleBody") && n.has("articleBody"))) {
        article = n;
      }
    }
    return nodes.isEmpty() ? EMPTY : new JsonLd(article, List.copyOf(nodes));
  }

  private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> flatten(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      flatten(n.get("@graph"), out, depth + 1);
      JsonNode main = n.get("mainEntity");
      if (main != null && main.isObject()) {
        flatten(main, out, depth + 1);
      }
    }
  }

  private static boolean isArticle(JsonNode n) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (ARTICLE_TYPES.contains(t.asText().toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT));
  }

  /** A text field of the article object, or null. */
  String text(String field) {
    return article == null ? null : textOf(article.get(field));
  }

  /** Fields under which objects that are not the page itself hang, with their own dates. */
  private static final Set<String> FOREIGN_FIELDS =
      Set.of("comment", "review", "itemListElement", "hasPart", "author", "publisher", "citation", "mentions");

  /**
   * The values of a date field, best first: the article object's, then those of the page's other
   * objects (a WebPage, a VideoObject) in page order, then of objects nested in them (a video's
   * {@code uploadDate}), never of comments, reviews or listed items.
   */
  List<String> dates(String field) {
    List<String> out = new ArrayList<>();
    if (article != null) {
      addText(out, article.get(field));
    }
    for (JsonNode n : all) {
      if (n != article) {
        addText(out, n.get(field));
      }
    }
    for (JsonNode n : all) {
      nestedDates(n, field, out, 0);
    }
    return out;
  }

  private static void nestedDates(JsonNode n, String field, List<String> out, int depth) {
    if (depth > 2) {
      return;
    }
    n.fields().forEachRemaining(f -> {
      JsonNode v = f.getValue();
      if (FOREIGN_FIELDS.contains(f.getKey()) || f.getKey().equals("@graph") || f.getKey().equals("mainEntity")) {
        return;
      }
      if (v.isObject()) {
        addText(out, v.get(field));
        nestedDates(v, field, out, depth + 1);
      } else if (v.isArray()) {
        for (JsonNode c : v) {
          if (c.isObject()) {
            addText(out, c.get(field));
            nestedDates(c, field, out, depth + 1);
          }
        }
      }
    });
  }

  private static void addText(List<String> out, JsonNode n) {
    if (n != null && n.isArray() && !n.isEmpty()) {
      n = n.get(0);
    }
    String v = textOf(n);
    if (v != null) {
      out.add(v);
    }
  }

  /** The first non-blank value of a field among all JSON-LD objects (e.g. a WebSite's name). */
  String firstOfType(String type, String field) {
    for (JsonNode n : all) {
      JsonNode t = n.get("@type");
      if (t != null && t.asText().equalsIgnoreCase(type)) {
        String v = textOf(n.get(field));
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  /** Names from a field that holds a string, an object with {@code name}, or an array of either. */
  List<String> names(String field) {
    List<String> out = new ArrayList<>();
    if (article != null) {
      collectNames(article.get(field), out);
    }
    return out;
  }

  private static void collectNames(JsonNode n, List<String> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectNames(c, out));
    } else if (n.isObject()) {
      String name = textOf(n.get("name"));
      if (name != null) {
        out.add(name);
      }
    } else if (n.isTextual() && !n.asText().isBlank()) {
      out.add(n.asText().trim());
    }
  }

  /** A URL from a field holding a string, an object with {@code url} or {@code @id}, or an array. */
  String url(String field) {
    return article == null ? null : urlOf(article.get(field));
  }

  private static String urlOf(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : urlOf(n.get(0));
    }
    if (n.isObject()) {
      String u = textOf(n.get("url"));
      return u != null ? u : textOf(n.get("@id"));
    }
    return textOf(n);
  }

  static String textOf(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
