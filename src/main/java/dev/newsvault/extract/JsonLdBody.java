package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * A JSON-LD {@code articleBody} as a cross-check of the DOM result. Publishers often truncate it
 * (teasers for paywalls), so it only replaces DOM text that is clearly missing the story: much
 * shorter and sharing little of its wording.
 */
final class JsonLdBody {

  private static final int MIN_BODY = 500;
  private static final double MIN_COVERAGE = 0.5;
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*(\\n\\s*)*");

  private JsonLdBody() {}

  /** True when the JSON-LD body should be used instead of the DOM text. */
  static boolean shouldReplace(String domText, String ldBody, int minTrusted) {
    if (ldBody == null || ldBody.length() <= domText.length()) {
      return false;
    }
    if (domText.length() < minTrusted) {
      return true;
    }
    return ldBody.length() >= MIN_BODY
        && ldBody.length() > domText.length() * 3 / 2
        && coverage(toText(ldBody), domText) < MIN_COVERAGE;
  }

  /** Share of the body's 4-word shingles that the DOM text also has. */
  static double coverage(String body, String domText) {
    return Shingles.share(Shingles.of(body), Shingles.of(domText));
  }

  /** The blocks of a body that is HTML (some sites fill it with HTML), or null for a plain-text body. */
  static List<Block> blocks(String articleBody) {
    if (articleBody.contains("<") && articleBody.contains(">")) {
      return TextRenderer.render(List.of(Jsoup.parseBodyFragment(articleBody).body()));
    }
    return null;
  }

  /** The body as paragraph text. */
  static String toText(String articleBody) {
    String s = articleBody;
    List<Block> rendered = blocks(s);
    if (rendered != null) {
      List<String> blocks = new ArrayList<>();
      for (Block b : rendered) {
        blocks.add(b.text());
      }
      s = String.join("\n\n", blocks);
    }
    return BLANK_LINES.matcher(SPACES.matcher(s).replaceAll(" ")).replaceAll("\n\n").trim();
  }
}
