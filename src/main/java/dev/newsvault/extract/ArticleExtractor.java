package dev.newsvault.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the article of a news page: metadata first (it needs the untouched head and JSON-LD),
 * then the body text via cleaning, candidate scoring, rendering and block filtering. Stateless
 * apart from its immutable rules, so one instance serves all threads.
 */
public final class ArticleExtractor {

  /** Below this many characters the DOM result is not trusted over a JSON-LD articleBody. */
  private static final int MIN_TRUSTED_TEXT = 250;

  private final ExtractionRules rules;

  public ArticleExtractor(ExtractionRules rules) {
    this.rules = rules == null ? ExtractionRules.NONE : rules;
  }

  /** Decodes the bytes (see {@link HtmlDecoder}), parses them and extracts. */
  public Article extract(byte[] body, String contentTypeHeaderOrNull, String url) {
    try {
      DecodedPage page = HtmlDecoder.decode(body, contentTypeHeaderOrNull);
      Document doc = Jsoup.parse(page.html(), url == null ? "" : url);
      return extract(doc, url);
    } catch (RuntimeException | StackOverflowError e) {
      return Article.empty(url);
    }
  }

  /** Extracts from a parsed page. The document is modified: take its links before calling this. */
  public Article extract(Document doc, String url) {
    try {
      return extractOrThrow(doc, url);
    } catch (RuntimeException | StackOverflowError e) {
      // Web input is arbitrary; one pathological page must not take the crawl down.
      return Article.empty(url);
    }
  }

  private Article extractOrThrow(Document doc, String url) {
    PageIndex index = PageIndex.of(doc);
    if (index.depth > DomLimits.MAX_DEPTH) {
      // Before any selector: a deeply nested page makes them quadratic. The index's walk is linear.
      DomLimits.capDepth(doc);
      index = PageIndex.of(doc);
    }
    JsonLd ld = JsonLd.of(index);
    MetadataExtractor.Metadata meta = MetadataExtractor.extract(doc, index, url, ld);
    Set<String> teasers = TeaserList.declaresArticle(index, ld) ? Set.of()
        : TeaserList.summaries(doc.body());
    Body body = bodyText(doc, url, meta, index.elements());
    String text = body.text();
    String markdown = body.markdown();
    if (TeaserList.isListing(teasers, text)) {
      // A section front or tag page: its metadata stays, but it has no article text.
      text = "";
      markdown = "";
    }
    return new Article(
        url,
        meta.canonicalUrl(),
        meta.title(),
        meta.authors(),
        meta.published(),
        meta.modified(),
        meta.siteName(),
        meta.language(),
        meta.description(),
        meta.tags(),
        meta.imageUrl(),
        text,
        TextLanguage.detect(text, meta.language()),
        label(meta.publishedSource()),
        label(meta.modifiedSource()),
        markdown);
  }

  private static String label(DateSource source) {
    return source == null ? null : source.label();
  }

  /** The story as plain text and as Markdown, both from the same kept blocks. */
  private record Body(String text, String markdown) {
    static final Body EMPTY = new Body("", "");

    static Body of(List<Block> blocks) {
      return new Body(join(blocks), MarkdownWriter.write(blocks));
    }

    int length() {
      return text.length();
    }
  }

  private Body bodyText(Document doc, String url, MetadataExtractor.Metadata meta, int elements) {
    String host = host(url);
    Element body = doc.body();
    if (body == null) {
      return Body.EMPTY;
    }
    for (String css : rules.excludesFor(host)) {
      doc.select(css).remove();
    }
    List<Element> roots = included(doc, host);
    Body text;
    if (roots.isEmpty()) {
      DomCleaner.Removed removed = DomCleaner.clean(body, elements);
      text = render(ContentLocator.locate(body, removed.stats(), meta.headlines()), meta);
      if (text.length() < MIN_TRUSTED_TEXT && removed.restoreMostProse()) {
        // Nothing story-like survived: the story may sit in a block set aside for its name, its
        // landmark or a <noscript> fallback. Try again with the one of those with the most prose
        // (putting all back would bring share bars and comment widgets with it).
        Body retry = render(ContentLocator.locate(body, TextStats.of(body, elements), meta.headlines()), meta);
        text = retry.length() >= MIN_TRUSTED_TEXT && retry.length() > 2 * text.length() ? retry : text;
      }
    } else {
      // Configured containers are trusted: only their insides are cleaned.
      roots.forEach(DomCleaner::clean);
      text = render(roots, meta);
    }
    String ldBody = meta.articleBody();
    if (JsonLdBody.shouldReplace(text.text(), ldBody, MIN_TRUSTED_TEXT)) {
      List<Block> blocks = JsonLdBody.blocks(ldBody);
      String ldText = JsonLdBody.toText(ldBody);
      return new Body(ldText, blocks == null ? MarkdownWriter.paragraphs(ldText) : MarkdownWriter.write(blocks));
    }
    return text;
  }

  private static Body render(List<Element> roots, MetadataExtractor.Metadata meta) {
    return Body.of(BlockFilter.filter(TextRenderer.render(roots), meta.headlines(), meta.authors()));
  }

  private List<Element> included(Document doc, String host) {
    for (String css : rules.includesFor(host)) {
      Elements found = doc.select(css);
      if (!found.isEmpty()) {
        List<Element> outermost = new ArrayList<>();
        for (Element e : found) {
          if (outermost.stream().noneMatch(o -> e.parents().contains(o))) {
            outermost.add(e);
          }
        }
        return outermost;
      }
    }
    return List.of();
  }

  private static String join(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(b.text());
    }
    return sb.toString();
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
