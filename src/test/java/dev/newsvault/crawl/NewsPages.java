package dev.newsvault.crawl;

import java.util.List;

/** Realistic small news pages for fixture sites: masthead, navigation, article body or teaser list, footer. */
final class NewsPages {

  private NewsPages() {}

  private static final String[] SENTENCES = {
    "The city council voted on Tuesday to expand the tram network into the northern districts.",
    "Officials said construction would begin next spring and last roughly three years.",
    "Residents who attended the public hearing raised concerns about noise and rising rents.",
    "The transport authority estimates that the new line will carry forty thousand passengers a day.",
    "Opposition members argued that the budget did not account for the cost of new rolling stock.",
    "A spokesperson for the mayor said the plan had been revised twice after consultations.",
    "Local businesses along the route will receive compensation during the works, the council said.",
    "Environmental groups welcomed the decision but asked for more cycling lanes alongside the tracks.",
  };

  /** An article page with a headline, byline, date and {@code paragraphs} paragraphs of body text. */
  static String article(String title, int paragraphs, List<String> links) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
        .append(" | The Daily Fixture</title><meta property=\"og:title\" content=\"").append(title)
        .append("\"><meta name=\"author\" content=\"Jane Reporter\">")
        .append("<meta property=\"article:published_time\" content=\"2026-03-02T10:00:00Z\"></head><body>")
        .append(masthead())
        .append("<main><article><h1>").append(title).append("</h1>")
        .append("<p class=\"byline\">By Jane Reporter</p><time datetime=\"2026-03-02T10:00:00Z\">2 March 2026</time>")
        .append("<div class=\"article-body\">");
    for (int i = 0; i < paragraphs; i++) {
      b.append("<p>");
      for (int j = 0; j < 3; j++) {
        b.append(SENTENCES[(i * 3 + j + title.length()) % SENTENCES.length]).append(' ');
      }
      b.append(title).append(" was the subject of paragraph ").append(i + 1).append(".</p>");
    }
    b.append("</div></article>");
    b.append(related(links)).append("</main>").append(footer()).append("</body></html>");
    return b.toString();
  }

  /** A section (index) page: a list of teaser links and little text of its own. */
  static String section(String name, List<String> links) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + name
        + " | The Daily Fixture</title></head><body>" + masthead() + "<main><h1>" + name + "</h1>"
        + related(links) + "</main>" + footer() + "</body></html>";
  }

  private static String masthead() {
    return "<header><a href=\"/\">The Daily Fixture</a><nav><ul><li><a href=\"/\">Home</a></li>"
        + "<li><a href=\"/about\" rel=\"nofollow\">About</a></li></ul></nav></header>";
  }

  private static String related(List<String> links) {
    StringBuilder b = new StringBuilder("<ul class=\"teasers\">");
    for (String l : links) {
      b.append("<li><a href=\"").append(l).append("\">").append(l).append("</a></li>");
    }
    return b.append("</ul>").toString();
  }

  private static String footer() {
    return "<footer><p>&copy; 2026 The Daily Fixture. All rights reserved.</p>"
        + "<img src=\"/logo.png\" alt=\"logo\"><script src=\"/app.js\"></script></footer>";
  }
}
