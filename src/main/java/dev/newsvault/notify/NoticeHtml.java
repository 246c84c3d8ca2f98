package dev.newsvault.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/** The HTML part of an e-mail: the plain body escaped, with the diff's marks shown as {@code <del>}/{@code <ins>}. */
final class NoticeHtml {

  private static final Pattern MARK = Pattern.compile("\\[-(.*?)-]|\\{\\+(.*?)\\+}", Pattern.DOTALL);

  private NoticeHtml() {}

  static String body(Message m) {
    StringBuilder b = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
    if ("test".equals(m.event())) {
      b.append("<p>A test message from newsvault: this channel works.</p>");
    }
    for (Notice n : m.notices()) {
      b.append("<h3><a href=\"").append(Entities.escape(n.link())).append("\">")
          .append(Entities.escape(NoticeText.oneLine(n.title() == null ? n.url() : n.title()))).append("</a></h3>")
          .append("<p>").append(Entities.escape(NoticeText.summary(n))).append("</p>")
          .append("<p>").append(diff(n.diff())).append("</p>");
    }
    return b.append("</body></html>").toString();
  }

  static String diff(String d) {
    StringBuilder out = new StringBuilder();
    Matcher mm = MARK.matcher(d);
    int at = 0;
    while (mm.find()) {
      out.append(Entities.escape(d.substring(at, mm.start())));
      if (mm.group(1) != null) {
        out.append("<del style=\"color:#b00\">").append(Entities.escape(mm.group(1))).append("</del>");
      } else {
        out.append("<ins style=\"color:#070\">").append(Entities.escape(mm.group(2))).append("</ins>");
      }
      at = mm.end();
    }
    return out.append(Entities.escape(d.substring(at))).toString();
  }
}
