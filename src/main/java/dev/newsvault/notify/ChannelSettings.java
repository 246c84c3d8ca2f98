package dev.newsvault.notify;

import dev.newsvault.check.ChangeKind;
import dev.newsvault.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every channel has, whatever it sends through: its name, the notices it wants (lists, hosts, the
 * smallest kind of change), its hourly cap, its timeout and whether it may reach a private address.
 *
 * @param name the channel's name in {@code notify.NAME.*}
 * @param type webhook, email or mastodon
 * @param minChange the smallest kind of change sent ({@code notify.NAME.min-change}, default typo: all)
 * @param hosts the hosts whose articles are sent; empty for all
 * @param lists the seed lists whose articles are sent; empty for all
 * @param perHour messages per hour at most, the last of them a digest of the rest; 0 for no cap
 * @param timeoutMs how long one attempt may take
 * @param allowPrivate whether the target may be a loopback or private address (default false)
 * @param keys every {@code notify.NAME.*} key, without the prefix, for the channel's own settings
 */
public record ChannelSettings(String name, String type, ChangeKind minChange, Set<String> hosts, Set<String> lists,
    int perHour, int timeoutMs, boolean allowPrivate, Map<String, String> keys) {

  static final Set<String> COMMON = Set.of("type", "min-change", "hosts", "lists", "per-hour", "timeout.ms",
      "allow-private");

  public ChannelSettings {
    hosts = Set.copyOf(hosts);
    lists = Set.copyOf(lists);
    keys = Map.copyOf(keys);
  }

  static ChannelSettings parse(String name, Map<String, String> keys) {
    String type = keys.get("type");
    if (type == null) {
      throw new ConfigException("channel '" + name + "' has no type; set notify." + name
          + ".type=webhook, email or mastodon");
    }
    ChangeKind min;
    try {
      min = ChangeKind.parse(keys.getOrDefault("min-change", "typo"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config key 'notify." + name + ".min-change': " + e.getMessage());
    }
    return new ChannelSettings(name, type.strip().toLowerCase(Locale.ROOT), min, set(keys.get("hosts")),
        set(keys.get("lists")), integer(name, keys, "per-hour", 0, 0, 100_000),
        integer(name, keys, "timeout.ms", 10_000, 100, 600_000), bool(name, keys, "allow-private"),
        new TreeMap<>(keys));
  }

  /** The value of {@code notify.NAME.key}, which the channel's type requires. */
  String required(String key) {
    String v = keys.get(key);
    if (v == null || v.isBlank()) {
      throw new ConfigException("channel '" + name + "' (" + type + ") needs notify." + name + "." + key);
    }
    return v.strip();
  }

  /** Fails on a key that neither every channel nor this type knows: a typo must not go unnoticed. */
  void onlyKeys(Set<String> own) {
    for (String k : keys.keySet()) {
      if (!COMMON.contains(k) && !own.contains(k)) {
        String hint = k.equals("secret") || k.equals("token") || k.equals("password")
            ? "; secrets are read from an environment variable or a file: notify." + name + "." + k + ".env=VAR or "
                + "notify." + name + "." + k + ".file=PATH"
            : "; a " + type + " channel knows " + known(own);
        throw new ConfigException("unknown config key 'notify." + name + "." + k + "'" + hint);
      }
    }
  }

  private static String known(Set<String> own) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(COMMON);
    all.addAll(own);
    return String.join(", ", all);
  }

  int integer(String key, int def, int min, int max) {
    return integer(name, keys, key, def, min, max);
  }

  private static int integer(String name, Map<String, String> keys, String key, int def, int min, int max) {
    return number("notify." + name + "." + key, keys.get(key), def, min, max);
  }

  /** The whole number {@code v} of config key {@code key}, {@code def} when unset, else an error naming the key. */
  static int number(String key, String v, int def, int min, int max) {
    if (v == null) {
      return def;
    }
    try {
      int i = Integer.parseInt(v.strip());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("config key '" + key + "' has value '" + v + "'; it accepts a whole number from "
        + min + " to " + max);
  }

  private static boolean bool(String name, Map<String, String> keys, String key) {
    String v = keys.getOrDefault(key, "false").strip();
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw new ConfigException("config key 'notify." + name + "." + key + "' has value '" + v + "'; it accepts true"
        + " or false");
  }

  private static Set<String> set(String csv) {
    if (csv == null || csv.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(csv.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
