package dev.newsvault.crawl;

import dev.newsvault.extract.ClassHints;
import dev.newsvault.extract.DomLimits;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * What the crawl reads from a parsed page before its article is extracted, found in one walk instead of
 * four (one per selector, one for the depth limit): its followable links, how many scripts it has, the
 * first consent manager's dialog in it, and whether it nests as deep as {@link DomLimits#MAX_DEPTH}. Each
 * element is judged by the same jsoup selector as before, so what is found is what {@code select} would
 * find, in page order; the walk only skips elements that cannot match.
 *
 * @param links the {@code a[href]} and {@code area[href]} elements ({@link Links#of(Document, List)})
 * @param scripts how many {@code script} elements the page has
 * @param consentManager the first element of a consent manager ({@link ConsentWalls#MANAGERS}), or null
 * @param deep whether some node sits {@link DomLimits#MAX_DEPTH} levels deep ({@link DomLimits#capDepth} may
 *     have to flatten the page)
 */
record PageScan(List<Element> links, int scripts, Element consentManager, boolean deep) {

  private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");

  /**
   * Pieces of the id or class, lower case, of every element {@link ConsentWalls#MANAGERS} matches: an element
   * without any of them cannot match, so only the few with one are tested against the selector.
   */
  private static final String[] MANAGER_MARKS = {"onetrust", "didomi", "sp_message_container", "qc-cmp2",
      "usercentrics", "cybotcookiebotdialog", "fc-consent-root", "truste-consent-track", "cmpbox", "cmp-container",
      "consent-wall", "paywall", "login-wall"};

  static PageScan of(Document doc) {
    Walk walk = new Walk(doc);
    NodeTraversor.traverse(walk, doc);
    return new PageScan(walk.links, walk.scripts, walk.manager, walk.deep);
  }

  private static final class Walk implements NodeVisitor {
    private final Document doc;
    private final List<Element> links = new ArrayList<>();
    private int scripts;
    private Element manager;
    private boolean deep;

    Walk(Document doc) {
      this.doc = doc;
    }

    @Override
    public void head(Node node, int depth) {
      if (depth >= DomLimits.MAX_DEPTH) {
        deep = true;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      String name = e.normalName();
      if (name.equals("script")) {
        scripts++;
      } else if ((name.equals("a") || name.equals("area")) && LINKS.matches(doc, e)) {
        links.add(e);
      }
      if (manager == null && e.attributesSize() > 0 && mayBeManager(e) && ConsentWalls.MANAGERS.matches(doc, e)) {
        manager = e;
      }
    }
  }

  private static boolean mayBeManager(Element e) {
    return MANAGER_HINTS.in(e.attributes().getIgnoreCase("id"))
        || MANAGER_HINTS.in(e.attributes().getIgnoreCase("class"));
  }

  /** {@link #MANAGER_MARKS} asked of whole id and class values, each distinct value read once. */
  private static final ClassHints MANAGER_HINTS = new ClassHints(MANAGER_MARKS);
}
