package dev.newsvault.notify;

/** Somewhere notices go. Implementations are thread-safe and hold no secret in their {@code toString}. */
public interface Channel extends AutoCloseable {

  ChannelSettings settings();

  default String name() {
    return settings().name();
  }

  /** Sends one message, or throws saying what went wrong (the worker retries it later). */
  void send(Message m) throws DeliveryException;

  @Override
  default void close() {}
}
