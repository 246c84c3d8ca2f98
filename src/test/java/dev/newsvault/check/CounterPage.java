package dev.newsvault.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture pages under {@code check/counters/}: one article per language whose body holds the three counter
 * shapes (a plain line near the headline, the attribution line of a plain-blockquote social post, an
 * Instagram-style embed), and one page with an embed of every social network. Placeholders are filled with a
 * first visit's counts; {@link #churned} gives a later visit's.
 */
final class CounterPage {

  /** The counts of two visits for one language: near the headline, in the post, in the Instagram embed. */
  record Counts(String meta1, String meta2, String post1, String post2, String ig1, String ig2) {}

  static final Map<String, Counts> COUNTS = Map.of(
      "en", new Counts("Updated 5 minutes ago · 260 comments", "Updated 26 minutes ago · 272 comments",
          "6.5K likes · 441 replies", "6.8K likes · 451 replies",
          "3.5K likes · 451 comments", "3.9K likes · 485 comments"),
      "de", new Counts("Aktualisiert vor 5 Minuten · 260 Kommentare", "Aktualisiert vor 26 Minuten · 272 Kommentare",
          "6.512 Gefällt mir · 441 Antworten", "6.830 Gefällt mir · 451 Antworten",
          "3.512 Likes · 451 Kommentare", "3.907 Likes · 485 Kommentare"),
      "fr", new Counts("Mis à jour il y a 5 minutes · 260 commentaires", "Mis à jour il y a 26 minutes · 272 commentaires",
          "6,5 k J'aime · 441 réponses", "6,8 k J'aime · 451 réponses",
          "3 512 mentions J'aime · 451 commentaires", "3 907 mentions J'aime · 485 commentaires"),
      "es", new Counts("Actualizado hace 5 minutos · 260 comentarios", "Actualizado hace 26 minutos · 272 comentarios",
          "6,5 mil Me gusta · 441 respuestas", "6,8 mil Me gusta · 451 respuestas",
          "3.512 Me gusta · 451 comentarios", "3.907 Me gusta · 485 comentarios"));

  /** The counts each embed family shows on two visits. */
  static final Map<String, String[]> EMBEDS = new LinkedHashMap<>();

  static {
    EMBEDS.put("TWITTER", new String[] {"6.5K likes · 441 replies · Read 441 replies",
        "6.9K likes · 472 replies · Read 472 replies"});
    EMBEDS.put("INSTAGRAM", new String[] {"Liked by anna_k and 3,512 others · View all 451 comments",
        "Liked by anna_k and 3,907 others · View all 485 comments"});
    EMBEDS.put("FACEBOOK", new String[] {"1.2K reactions · 300 comments · 45 shares",
        "1.4K reactions · 322 comments · 51 shares"});
    EMBEDS.put("TIKTOK", new String[] {"♥ 12.3K · 💬 1,021 comments", "♥ 13.1K · 💬 1,140 comments"});
    EMBEDS.put("YOUTUBE", new String[] {"1,234,567 views · 3 hours ago", "1,301,220 views · 5 hours ago"});
    EMBEDS.put("BLUESKY", new String[] {"12 reposts · 40 likes", "19 reposts · 66 likes"});
    EMBEDS.put("MASTODON", new String[] {"3 boosts · 12 favourites", "8 boosts · 20 favourites"});
  }

  private final String template;
  private final Map<String, String> values = new LinkedHashMap<>();

  private CounterPage(String template) {
    this.template = template;
  }

  /** The article in {@code lang} as a first visit shows it. */
  static CounterPage article(String lang) {
    Counts c = COUNTS.get(lang);
    return new CounterPage(NewsPage.template("counters/article-" + lang + ".html"))
        .set("TITLE", "Crane collapses at container terminal").set("BYLINE", "Maria Okafor").set("HURT", "12")
        .set("META", c.meta1()).set("POST", c.post1()).set("IG", c.ig1());
  }

  /** The page of embeds as a first visit shows it. */
  static CounterPage embeds() {
    CounterPage p = new CounterPage(NewsPage.template("counters/embeds-en.html"));
    EMBEDS.forEach((k, v) -> p.set(k, v[0]));
    return p;
  }

  CounterPage set(String key, String value) {
    values.put(key, value);
    return this;
  }

  /** This page with the counts of shape {@code key} (META, POST, IG) as a later visit shows them. */
  CounterPage churned(String lang, String key) {
    Counts c = COUNTS.get(lang);
    return set(key, switch (key) {
      case "META" -> c.meta2();
      case "POST" -> c.post2();
      case "IG" -> c.ig2();
      default -> throw new IllegalArgumentException(key);
    });
  }

  String html() {
    String s = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      s = s.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return s;
  }
}
