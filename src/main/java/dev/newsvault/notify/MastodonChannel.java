package dev.newsvault.notify;

import dev.newsvault.config.ConfigException;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Posts a status through Mastodon's REST API ({@code POST /api/v1/statuses} with a bearer token): headline,
 * kind of change, words added and removed, and the link, cut to the instance's limit ({@code max-chars},
 * default 500; a link counts as 23 characters there, as Mastodon counts it). The idempotency key goes in
 * {@code Idempotency-Key}, which Mastodon honours for an hour, so a retry does not post twice.
 */
final class MastodonChannel implements Channel {

  static final Set<String> KEYS = Set.of("url", "token.env", "token.file", "visibility", "max-chars");
  static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
  static final int LINK_CHARS = 23;

  private final ChannelSettings settings;
  private final HttpUrl statuses;
  private final Secret token;
  private final String visibility;
  private final int maxChars;
  private final HttpTarget target;

  MastodonChannel(ChannelSettings s, Secret token, OkHttpClient base) {
    s.onlyKeys(KEYS);
    this.settings = s;
    HttpUrl instance = NotifyConfig.httpUrl(s, "url");
    this.statuses = instance.newBuilder().encodedPath("/api/v1/statuses").build();
    this.token = token;
    this.visibility = s.keys().getOrDefault("visibility", "unlisted").strip();
    if (!VISIBILITIES.contains(visibility)) {
      throw new ConfigException("config key 'notify." + s.name() + ".visibility' has value '" + visibility
          + "'; it accepts public, unlisted, private or direct");
    }
    this.maxChars = s.integer("max-chars", 500, 100, 100_000);
    this.target = new HttpTarget(base, s);
  }

  @Override
  public ChannelSettings settings() {
    return settings;
  }

  @Override
  public void send(Message m) throws DeliveryException {
    Request r = new Request.Builder().url(statuses)
        .header("Authorization", "Bearer " + token.value())
        .header("Idempotency-Key", m.key())
        .post(new FormBody.Builder().add("status", status(m, maxChars)).add("visibility", visibility).build())
        .build();
    target.send(r);
  }

  /** The status text, within {@code max} characters as Mastodon counts them. */
  static String status(Message m, int max) {
    Notice n = m.notices().get(0);
    String link = n.link();
    String tail = m.notices().size() > 1 ? " (+" + (m.notices().size() - 1) + " more changes)" : "";
    String head = ("test".equals(m.event()) ? "[test] " : "") + NoticeText.kind(n) + ": "
        + NoticeText.oneLine(n.title() == null ? n.host() : n.title());
    String counts = String.format(java.util.Locale.ROOT, "+%d −%d words", n.wordsAdded(), n.wordsRemoved());
    // Mastodon counts every link as 23 characters, whatever its length
    int room = max - LINK_CHARS - tail.length() - counts.length() - 4;
    if (head.codePointCount(0, head.length()) > room) {
      head = cut(head, Math.max(1, room - 1)) + "…";
    }
    return head + "\n" + counts + tail + "\n" + link;
  }

  private static String cut(String s, int codePoints) {
    return s.substring(0, s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length()))));
  }

  @Override
  public String toString() {
    return "mastodon " + settings.name() + " -> " + statuses.redact();
  }
}
