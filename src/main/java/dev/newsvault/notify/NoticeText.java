package dev.newsvault.notify;

import java.util.Locale;

/** The words of a message for people: a subject or status line and a plain-text body. */
final class NoticeText {

  private NoticeText() {}

  /** "wording: Headline" for one notice, "5 changes: first headline and 4 more" for a digest. */
  static String subject(Message m) {
    Notice first = m.notices().get(0);
    String head = oneLine(first.title() == null || first.title().isBlank() ? first.url() : first.title());
    if (m.notices().size() == 1) {
      return ("test".equals(m.event()) ? "[test] " : "") + kind(first) + ": " + head;
    }
    return m.notices().size() + " changes: " + head + " and " + (m.notices().size() - 1) + " more";
  }

  /** One paragraph per notice: headline, kind and counts, the diff, the link. */
  static String body(Message m) {
    StringBuilder b = new StringBuilder();
    if ("test".equals(m.event())) {
      b.append("A test message from newsvault: this channel works.\n\n");
    } else if (m.digest()) {
      b.append("More changes than this channel's hourly cap, in one message:\n\n");
    }
    for (Notice n : m.notices()) {
      b.append(oneLine(n.title() == null ? n.url() : n.title())).append('\n')
          .append(summary(n)).append('\n')
          .append(n.diff()).append('\n')
          .append(n.link()).append("\n\n");
    }
    return b.toString().strip() + "\n";
  }

  /** "wording, +3 −2 words, version 2 → 3, example.com". */
  static String summary(Notice n) {
    return String.format(Locale.ROOT, "%s, +%d −%d words, version %d → %d, %s", kind(n), n.wordsAdded(),
        n.wordsRemoved(), n.oldVersion(), n.newVersion(), n.host());
  }

  static String kind(Notice n) {
    return n.kind().replace('_', ' ');
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
