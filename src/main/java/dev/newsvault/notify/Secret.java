package dev.newsvault.notify;

import dev.newsvault.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A password, token or signing key, read from an environment variable ({@code KEY.env=VAR}) or a file
 * ({@code KEY.file=PATH}), never from the config file itself. {@link #toString()} never shows it, so a
 * secret that ends up in a log line or an error message shows as {@code (secret)}.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** The secret itself; only the code that sends it calls this. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return "(secret)";
  }

  /** The secret named by {@code key.env} or {@code key.file} in {@code keys}, or null when neither is set. */
  static Secret read(Map<String, String> keys, String key, UnaryOperator<String> env) {
    String var = keys.get(key + ".env");
    String file = keys.get(key + ".file");
    if (var != null && file != null) {
      throw new ConfigException("config keys '" + key + ".env' and '" + key + ".file' are both set; use one");
    }
    if (var != null) {
      String v = env.apply(var);
      if (v == null || v.isEmpty()) {
        throw new ConfigException("config key '" + key + ".env' names environment variable " + var
            + ", which is not set; export it before running newsvault");
      }
      return new Secret(v);
    }
    if (file != null) {
      try {
        // a trailing newline is how editors and `echo` end a file, not part of the secret
        String v = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        if (v.isEmpty()) {
          throw new ConfigException("config key '" + key + ".file' names " + file + ", which is empty");
        }
        return new Secret(v);
      } catch (IOException e) {
        throw new ConfigException("config key '" + key + ".file': cannot read " + file + " ("
            + e.getClass().getSimpleName() + "); check the path and its permissions");
      }
    }
    return null;
  }
}
