package dev.newsvault.extract;

import org.jsoup.Jsoup;

/** Turns a JSON-LD {@code articleBody}, which some sites fill with HTML, into paragraph text. */
final class JsonLdBody {

  private JsonLdBody() {}

  static String toText(String articleBody) {
    String s = articleBody;
    if (s.contains("<") && s.contains(">")) {
      s = String.join("\n\n", blocksOf(s));
    }
    return s.replaceAll("[ \\t\\x0B\\f\\r\\u00a0]+", " ").replaceAll("\\s*\\n\\s*(\\n\\s*)*", "\n\n").trim();
  }

  private static java.util.List<String> blocksOf(String html) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Block b : TextRenderer.render(java.util.List.of(Jsoup.parseBodyFragment(html).body()))) {
      out.add(b.text());
    }
    return out;
  }
}
