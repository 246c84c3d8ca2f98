package dev.newsvault.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * POSTs the notice JSON ({@link NoticeJson}) to a URL, with the idempotency key in {@code Idempotency-Key}
 * and, when a secret is set, {@code X-Newsvault-Signature: sha256=HEX}: the HMAC-SHA256 of the exact body
 * bytes under the secret, so a receiver can tell our messages from anyone else's.
 */
final class WebhookChannel implements Channel {

  static final Set<String> KEYS = Set.of("url", "secret.env", "secret.file");
  static final String SIGNATURE = "X-Newsvault-Signature";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ChannelSettings settings;
  private final HttpUrl url;
  private final Secret secret;
  private final HttpTarget target;
  private final Clock clock;

  WebhookChannel(ChannelSettings s, Secret secret, OkHttpClient base, Clock clock) {
    s.onlyKeys(KEYS);
    this.settings = s;
    this.url = NotifyConfig.httpUrl(s, "url");
    this.secret = secret;
    this.target = new HttpTarget(base, s);
    this.clock = clock;
  }

  @Override
  public ChannelSettings settings() {
    return settings;
  }

  @Override
  public void send(Message m) throws DeliveryException {
    byte[] body = NoticeJson.of(m, clock.instant()).getBytes(StandardCharsets.UTF_8);
    Request.Builder r = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
        .header("Idempotency-Key", m.key())
        .header("X-Newsvault-Event", m.event());
    if (secret != null) {
      r.header(SIGNATURE, "sha256=" + hmac(secret.value(), body));
    }
    target.send(r.build());
  }

  /** HMAC-SHA256 of {@code body} under {@code key}, lower-case hex. */
  static String hmac(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "webhook " + settings.name() + " -> " + url.redact();
  }
}
