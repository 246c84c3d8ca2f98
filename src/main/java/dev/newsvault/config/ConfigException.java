package dev.newsvault.config;

/** A configuration key or value that newsvault cannot use; the message names the key and what it accepts. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
