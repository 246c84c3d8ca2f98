package dev.newsvault.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An archived article's Markdown as HTML for its page: headings, lists, quotes, tables, code and links as the
 * reader saw them. Archived text came from the web, so any HTML in it is escaped and only http(s) links are
 * links. Images become captioned links to where they were: the page never loads them (the Content Security
 * Policy would refuse them anyway, and fetching them would tell their host who reads the archive).
 */
public final class ArticleHtml {

  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .attributeProviderFactory(context -> (node, tag, attrs) -> {
        if (node instanceof Link) {
          attrs.put("rel", "noopener noreferrer nofollow");
        }
        if (tag.equals("h1") || tag.equals("h2")) {
          // the page's own h1 and section h2s stay the outline; the article's headings sit below them
          attrs.put("class", "article-" + tag);
        }
      })
      .nodeRendererFactory(ImageLinks::new)
      .build();

  private ArticleHtml() {}

  /** The Markdown as escaped HTML. */
  public static String of(String markdown) {
    return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
  }

  /** Writes an image as a link to it, with its alt text and title as the caption; never as an {@code <img>}. */
  private static final class ImageLinks implements NodeRenderer {
    private final HtmlWriter html;
    private final HtmlNodeRendererContext context;

    ImageLinks(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      StringBuilder alt = new StringBuilder();
      for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof org.commonmark.node.Text t) {
          alt.append(t.getLiteral());
        }
      }
      String title = image.getTitle() == null ? "" : image.getTitle().strip();
      String caption = "image" + (alt.length() == 0 ? "" : ": " + alt)
          + (title.isEmpty() || title.contentEquals(alt) ? "" : (alt.length() == 0 ? ": " : " — ") + title);
      String url = image.getDestination();
      if (Paths.linkable(url)) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("class", "image-link");
        attrs.put("href", context.encodeUrl(url));
        attrs.put("rel", "noopener noreferrer nofollow");
        html.tag("a", attrs);
        html.text("[" + caption + "]");
        html.tag("/a");
      } else {
        html.text("[" + caption + "]");
      }
    }
  }
}
