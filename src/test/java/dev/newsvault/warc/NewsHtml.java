package dev.newsvault.warc;

/** Generated news pages for the import tests: each seed gives a different article of realistic shape. */
final class NewsHtml {

  private static final String[] WORDS = ("council transit budget harbor mayor school river police court election"
      + " hospital storm bridge market housing rent teachers union strike vote report study residents officials"
      + " plan city ferry museum festival farmers harvest minister reform pension doctors nurses talks agreement"
      + " deadline summit border trade export factory jobs weather season league coach injury theatre").split(" ");

  private NewsHtml() {}

  /** About {@code words} words in paragraphs, different for every seed. */
  static String story(long seed, int words) {
    StringBuilder b = new StringBuilder();
    long x = seed * 0x9E3779B97F4A7C15L + 17;
    for (int i = 0; i < words; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      String w = WORDS[(int) Math.floorMod(x, WORDS.length)];
      b.append(i % 12 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      b.append(i % 12 == 11 ? ". " : " ");
      if (i % 48 == 47) {
        b.append("\n\n");
      }
    }
    return b.toString().strip() + ".";
  }

  static String article(String host, String title, String story) {
    StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(title).append(" | ").append(host).append("</title><meta name=\"author\" content=\"Dana Reporter\">")
        .append("<meta property=\"article:published_time\" content=\"2024-03-01T08:00:00Z\"></head><body>")
        .append("<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>")
        .append("</nav></header><main><article><h1>").append(title).append("</h1><p class=\"byline\">By Dana")
        .append(" Reporter</p>");
    for (String p : story.split("\n\n")) {
      b.append("<p>").append(p.strip()).append("</p>\n");
    }
    return b.append("</article></main><footer>Contact | Privacy | © ").append(host).append("</footer></body></html>")
        .toString();
  }
}
