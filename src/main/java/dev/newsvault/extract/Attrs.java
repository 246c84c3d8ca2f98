package dev.newsvault.extract;

import org.jsoup.nodes.Element;

/**
 * jsoup's {@code attr} and {@code hasAttr} for a plain attribute name (never an {@code abs:} one), with the same
 * answers: jsoup checks every name for the {@code abs:} prefix, on each miss of {@code attr} and on each call of
 * {@code hasAttr}, which the walks that ask this of every element of a page need not pay for.
 */
final class Attrs {

  private Attrs() {}

  /** {@code e.attr(name)}: the attribute's value, its name matched ignoring case, or "" without one. */
  static String get(Element e, String name) {
    return e.attributesSize() == 0 ? "" : e.attributes().getIgnoreCase(name);
  }

  /** {@code e.hasAttr(name)}: whether the element has the attribute, its name matched ignoring case. */
  static boolean has(Element e, String name) {
    return e.attributesSize() != 0 && e.attributes().hasKeyIgnoreCase(name);
  }
}
