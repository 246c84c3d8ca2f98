package dev.newsvault.notify;

import dev.newsvault.check.ChangeKind;
import java.util.Locale;

/** Whether a channel wants a notice: its lists, its hosts and the smallest kind of change it takes. */
final class Route {

  private Route() {}

  static boolean wants(ChannelSettings s, Notice n) {
    ChangeKind kind;
    try {
      kind = ChangeKind.parse(n.kind());
    } catch (IllegalArgumentException e) {
      kind = ChangeKind.REWRITE; // a label this version does not know: rather told than missed
    }
    if (!kind.atLeast(s.minChange())) {
      return false;
    }
    String host = n.host() == null ? "" : n.host().toLowerCase(Locale.ROOT);
    if (!s.hosts().isEmpty() && !s.hosts().contains(host)
        && !(host.startsWith("www.") && s.hosts().contains(host.substring(4)))) {
      return false;
    }
    return s.lists().isEmpty() || (n.list() != null && s.lists().contains(n.list().toLowerCase(Locale.ROOT)));
  }
}
