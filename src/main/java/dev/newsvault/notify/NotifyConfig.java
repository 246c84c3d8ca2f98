package dev.newsvault.notify;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@code notify.*} keys: channels by name ({@code notify.NAME.type=webhook|email|mastodon} and their own
 * keys), how long a notice is retried ({@code notify.give-up.hours}, default 24) and the first retry's delay
 * ({@code notify.retry.first.s}, default 60, doubling up to an hour). Documented in docs/notifications.md.
 *
 * @param channels the configured channels, in name order
 * @param giveUp how long after it was queued a delivery that keeps failing is given up and shown as failed
 * @param firstRetry the delay before the first retry; each later one doubles, up to an hour
 * @param baseUrl the address of {@code serve} that links in notices point to ({@code serve.base.url}), or null
 */
public record NotifyConfig(List<Channel> channels, Duration giveUp, Duration firstRetry, String baseUrl) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  static final String GIVE_UP = "notify.give-up.hours";
  static final String FIRST_RETRY = "notify.retry.first.s";

  public NotifyConfig {
    channels = List.copyOf(channels);
  }

  /** The channels of {@code s}, secrets read from the environment; nothing configured gives no channels. */
  public static NotifyConfig from(Settings s, OkHttpClient base) {
    return from(s, () -> base);
  }

  /**
   * As {@link #from(Settings, OkHttpClient)}, asking for the HTTP client only when a channel sends over HTTP:
   * building the first one loads the JDK's trust store, a tenth of a second of an import without such a channel.
   */
  public static NotifyConfig from(Settings s, Supplier<OkHttpClient> base) {
    return from(s, base, System::getenv, Clock.systemUTC());
  }

  static NotifyConfig from(Settings s, OkHttpClient shared, UnaryOperator<String> env, Clock clock) {
    return from(s, () -> shared, env, clock);
  }

  private static NotifyConfig from(Settings s, Supplier<OkHttpClient> shared, UnaryOperator<String> env,
      Clock clock) {
    // receivers see who calls, as every site newsvault fetches from does
    Supplier<OkHttpClient> base = new Supplier<>() {
      private OkHttpClient client;

      @Override
      public OkHttpClient get() {
        if (client == null) {
          client = shared.get().newBuilder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("User-Agent", s.userAgent()).build())).build();
        }
        return client;
      }
    };
    Map<String, String> group = s.group("notify.");
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (var e : group.entrySet()) {
      String k = e.getKey();
      if (k.equals(GIVE_UP) || k.equals(FIRST_RETRY)) {
        continue;
      }
      String rest = k.substring("notify.".length());
      int dot = rest.indexOf('.');
      String name = dot < 0 ? rest : rest.substring(0, dot);
      if (dot < 0 || !NAME.matcher(name).matches()) {
        throw new ConfigException("config key '" + k + "' is not a notify key; channels are set with"
            + " notify.NAME.type and notify.NAME.* (NAME: lower-case letters, digits, - and _), besides "
            + GIVE_UP + " and " + FIRST_RETRY);
      }
      byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(rest.substring(dot + 1), e.getValue());
    }
    List<Channel> channels = new ArrayList<>();
    for (var e : byName.entrySet()) {
      channels.add(channel(ChannelSettings.parse(e.getKey(), e.getValue()), base, env, clock));
    }
    int hours = ChannelSettings.number(GIVE_UP, group.get(GIVE_UP), 24, 1, 24 * 90);
    int first = ChannelSettings.number(FIRST_RETRY, group.get(FIRST_RETRY), 60, 1, 86_400);
    for (String k : s.group("serve.").keySet()) {
      if (!k.equals("serve.base.url")) {
        throw new ConfigException("unknown config key '" + k + "'; the serve.* key is serve.base.url");
      }
    }
    String baseUrl = s.extra().get("serve.base.url");
    return new NotifyConfig(channels, Duration.ofHours(hours), Duration.ofSeconds(first),
        baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", ""));
  }

  private static Channel channel(ChannelSettings cs, Supplier<OkHttpClient> base, UnaryOperator<String> env,
      Clock clock) {
    return switch (cs.type()) {
      case "webhook" -> new WebhookChannel(cs, Secret.read(cs.keys(), "secret", env), base.get(), clock);
      case "mastodon" ->
          new MastodonChannel(cs, required(cs, Secret.read(cs.keys(), "token", env), "token"), base.get());
      case "email" -> new EmailChannel(cs, Secret.read(cs.keys(), "password", env));
      default -> throw new ConfigException("config key 'notify." + cs.name() + ".type' has value '" + cs.type()
          + "'; it accepts webhook, email or mastodon");
    };
  }

  private static Secret required(ChannelSettings cs, Secret s, String key) {
    if (s == null) {
      throw new ConfigException("channel '" + cs.name() + "' (" + cs.type() + ") needs a " + key + ": notify."
          + cs.name() + "." + key + ".env=VAR or notify." + cs.name() + "." + key + ".file=PATH");
    }
    return s;
  }

  /** The channel named {@code name}, or a configuration error listing the names there are. */
  public Channel channel(String name) {
    return channels.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
        new ConfigException("no notify channel '" + name + "'" + (channels.isEmpty()
            ? "; none is configured (notify.NAME.type=webhook|email|mastodon in crawl-config.properties)"
            : "; configured: " + String.join(", ", channels.stream().map(Channel::name).toList()))));
  }

  static HttpUrl httpUrl(ChannelSettings s, String key) {
    String v = s.required(key);
    HttpUrl u = HttpUrl.parse(v);
    if (u == null) {
      throw new ConfigException("config key 'notify." + s.name() + "." + key + "' has value '" + v + "'; it"
          + " accepts an http:// or https:// URL");
    }
    return u;
  }
}
