package dev.newsvault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads page metadata in order of trust: JSON-LD article objects, then OpenGraph and {@code article:*}
 * meta tags, then other meta names and microdata, then the visible page (h1, dates: see
 * {@link DateChooser}). A field nobody states stays null; nothing is guessed.
 */
final class MetadataExtractor {

  /** The metadata of a page, before the body text is known. */
  record Metadata(
      String canonicalUrl,
      String title,
      List<String> authors,
      String published,
      String modified,
      DateSource publishedSource,
      DateSource modifiedSource,
      String siteName,
      String language,
      String description,
      List<String> tags,
      String imageUrl,
      String articleBody,
      List<String> headlines) {}

  private static final Evaluator HTML = QueryParser.parse("html");
  private static final Evaluator NAME = QueryParser.parse("[itemprop=name]");
  private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(,|;|\\band\\b)\\s*");
  private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|written by)\\s+");
  private static final Pattern LANGUAGE_SEPARATOR = Pattern.compile("[,;\\s]");
  private static final Pattern TAG_SEPARATOR = Pattern.compile("[,;]");

  private MetadataExtractor() {}

  static Metadata extract(Document doc, PageIndex index, String url, JsonLd ld) {
    Map<String, List<String>> meta = metaTags(index);
    String baseUrl = url != null ? url : doc.location();

    String title = first(ld.text("headline"), meta(meta, "og:title"), meta(meta, "twitter:title"));
    Element h1 = index.h1;
    String pageTitle = doc.title();
    String docTitle = pageTitle.isBlank() ? null : pageTitle.trim();
    String h1Text = h1 == null || h1.text().isBlank() ? null : h1.text().trim();
    String titleSegment = docTitle == null ? null : longestSegment(docTitle, siteName(meta, ld));
    if (title == null) {
      // An h1 that the <title> repeats is the headline; an h1 it does not is often the site logo.
      boolean h1InTitle = h1Text != null && (titleSegment == null || sameHeadline(h1Text, titleSegment));
      title = h1InTitle ? h1Text : titleSegment != null ? titleSegment : h1Text;
    }
    List<String> headlines = nonBlank(title, meta(meta, "og:title"), docTitle, titleSegment, h1Text);
    // The titles the story's heading is known by: not the first h1's own text, which every first h1
    // would repeat (it may be the site's logo).
    List<String> titles = h1Text == null ? headlines : headlines.subList(0, headlines.size() - 1);

    String canonical =
        absolute(
            baseUrl,
            first(attr(index.canonical, "href"), meta(meta, "og:url"), ld.url("url")));

    String language = language(doc, meta, ld);
    List<String> urls = nonBlank(url != null ? url : doc.location(), canonical, meta(meta, "og:url"));
    DateChooser.Chosen dates =
        DateChooser.choose(index, meta, ld, urls, titles, language, LocalDate.now(ZoneOffset.UTC));

    return new Metadata(
        canonical,
        title,
        authors(index, meta, ld),
        dates.published(),
        dates.modified(),
        dates.publishedSource(),
        dates.modifiedSource(),
        siteName(meta, ld),
        language,
        first(meta(meta, "description"), meta(meta, "og:description"), ld.text("description")),
        tags(meta, ld),
        absolute(baseUrl, first(meta(meta, "og:image"), meta(meta, "og:image:url"), meta(meta, "twitter:image"), ld.url("image"))),
        ld.text("articleBody"),
        headlines);
  }

  private static final java.util.regex.Pattern TITLE_SEPARATOR =
      java.util.regex.Pattern.compile("\\s+[|\\-–—:·•»]+\\s+");

  private static boolean sameHeadline(String a, String b) {
    String x = TextShape.key(a);
    String y = TextShape.key(b);
    return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
  }

  /**
   * "Story headline | Site" → "Story headline": the longest part between title separators that is not the
   * site's own name (when the page names its site), so "About us – Gazette" gives "About us".
   */
  private static String longestSegment(String docTitle, String siteName) {
    String best = null;
    for (String part : TITLE_SEPARATOR.split(docTitle)) {
      String p = part.trim();
      if (siteName != null && p.equalsIgnoreCase(siteName.trim())) {
        continue;
      }
      if (best == null || p.length() > best.length()) {
        best = p;
      }
    }
    return best == null || best.isEmpty() ? docTitle : best;
  }

  private static List<String> authors(PageIndex index, Map<String, List<String>> meta, JsonLd ld) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : ld.names("author")) {
      addName(out, a);
    }
    if (out.isEmpty()) {
      for (String key : new String[] {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"}) {
        for (String a : meta.getOrDefault(key, List.of())) {
          if (!a.startsWith("http")) {
            for (String part : NAME_SEPARATOR.split(a)) {
              addName(out, part);
            }
          }
        }
      }
    }
    if (out.isEmpty()) {
      for (Element e : index.authors) {
        Element name = e.selectFirst(NAME);
        String content = e.hasAttr("content") ? e.attr("content") : null;
        addName(out, name != null ? name.text() : content != null ? content : e.text());
      }
    }
    if (out.isEmpty()) {
      for (Element e : index.authorLinks) {
        addName(out, e.text());
      }
    }
    return new ArrayList<>(out);
  }

  private static void addName(Set<String> out, String raw) {
    if (raw == null) {
      return;
    }
    String name = BY_PREFIX.matcher(raw).replaceFirst("").trim();
    if (!name.isEmpty() && name.length() <= 80 && !name.contains("://")) {
      out.add(name);
    }
  }

  private static String siteName(Map<String, List<String>> meta, JsonLd ld) {
    String publisher = null;
    if (ld.article() != null) {
      JsonNode p = ld.article().get("publisher");
      if (p != null && p.isArray() && !p.isEmpty()) {
        p = p.get(0);
      }
      publisher = p != null && p.isObject() ? JsonLd.textOf(p.get("name")) : null;
    }
    return first(
        meta(meta, "og:site_name"), publisher, ld.firstOfType("WebSite", "name"), meta(meta, "application-name"));
  }

  private static String language(Document doc, Map<String, List<String>> meta, JsonLd ld) {
    Element html = doc.selectFirst(HTML);
    String lang = html == null ? null : blankToNull(html.attr("lang"));
    if (lang == null && html != null) {
      lang = blankToNull(html.attr("xml:lang"));
    }
    if (lang == null) {
      lang = first(meta(meta, "content-language"), meta(meta, "language"), meta(meta, "dc.language"), ld.text("inLanguage"));
    }
    if (lang == null) {
      String locale = meta(meta, "og:locale");
      lang = locale == null ? null : locale.replace('_', '-');
    }
    return lang == null ? null : LANGUAGE_SEPARATOR.split(lang)[0];
  }

  private static List<String> tags(Map<String, List<String>> meta, JsonLd ld) {
    Set<String> out = new LinkedHashSet<>();
    meta.getOrDefault("article:tag", List.of()).forEach(t -> addTags(out, t));
    if (ld.article() != null) {
      JsonNode k = ld.article().get("keywords");
      if (k != null && k.isArray()) {
        k.forEach(t -> addTags(out, t.asText()));
      } else if (k != null) {
        addTags(out, k.asText());
      }
    }
    for (String key : new String[] {"news_keywords", "keywords"}) {
      meta.getOrDefault(key, List.of()).forEach(t -> addTags(out, t));
    }
    addTag(out, first(meta(meta, "article:section"), ld.text("articleSection")));
    return new ArrayList<>(out);
  }

  private static void addTags(Set<String> out, String list) {
    if (list != null) {
      for (String t : TAG_SEPARATOR.split(list)) {
        addTag(out, t);
      }
    }
  }

  /** Adds a tag unless blank, over-long, an internal marker ("@post-id:1") or a case-variant duplicate. */
  private static void addTag(Set<String> out, String t) {
    if (t == null || t.isBlank() || t.length() > 100) {
      return;
    }
    String tag = t.trim();
    if (tag.startsWith("@")) {
      return;
    }
    for (String existing : out) {
      if (existing.equalsIgnoreCase(tag)) {
        return;
      }
    }
    out.add(tag);
  }

  /** All meta tags by lower-cased name, property or http-equiv, in page order. */
  private static Map<String, List<String>> metaTags(PageIndex index) {
    Map<String, List<String>> out = new HashMap<>();
    for (Element m : index.metas) {
      String content = m.attr("content").trim();
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "http-equiv", "itemprop"}) {
        String key = m.attr(attr);
        if (!key.isEmpty()) {
          out.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(content);
        }
      }
    }
    return out;
  }

  private static String meta(Map<String, List<String>> meta, String key) {
    List<String> v = meta.get(key);
    return v == null ? null : v.get(0);
  }

  private static String attr(Element e, String attr) {
    return e == null ? null : blankToNull(e.attr(attr));
  }

  /**
   * The values that are not blank, in order. (A helper, not a loop in {@link #extract}: a method that runs once a
   * page and loops is compiled by the JIT's optimising compiler within a few thousand pages, which for a method as
   * large as {@code extract} with what it inlines costs a third of a second of every run.)
   */
  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>(values.length);
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static String absolute(String base, String href) {
    if (href == null) {
      return null;
    }
    if (base == null || base.isEmpty()) {
      return href.startsWith("http://") || href.startsWith("https://") ? href : null;
    }
    String abs = StringUtil.resolve(base, href);
    return abs.isEmpty() ? null : abs;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
