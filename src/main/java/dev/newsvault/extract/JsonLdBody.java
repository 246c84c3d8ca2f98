package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * A JSON-LD {@code articleBody} as a cross-check of the DOM result. Publishers often truncate it
 * (teasers for paywalls), so it only replaces DOM text that is clearly missing the story: much
 * shorter and sharing little of its wording.
 */
final class JsonLdBody {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int MIN_BODY = 500;
  private static final double MIN_COVERAGE = 0.5;

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
    Set<String> dom = shingles(domText);
    Set<String> ld = shingles(body);
    if (ld.isEmpty()) {
      return 1;
    }
    int hit = 0;
    for (String s : ld) {
      if (dom.contains(s)) {
        hit++;
      }
    }
    return (double) hit / ld.size();
  }

  private static Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 4 <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + 4)));
    }
    return out;
  }

  /** The body as paragraph text; some sites fill it with HTML. */
  static String toText(String articleBody) {
    String s = articleBody;
    if (s.contains("<") && s.contains(">")) {
      List<String> blocks = new ArrayList<>();
      for (Block b : TextRenderer.render(List.of(Jsoup.parseBodyFragment(s).body()))) {
        blocks.add(b.text());
      }
      s = String.join("\n\n", blocks);
    }
    return s.replaceAll("[ \\t\\x0B\\f\\r\\u00a0]+", " ").replaceAll("\\s*\\n\\s*(\\n\\s*)*", "\n\n").trim();
  }
}
