package dev.newsvault.notify;

import dev.newsvault.fetch.AddressGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP side of the webhook and Mastodon channels: one client per channel (sharing the process's
 * connection pool), the whole attempt capped by the channel's timeout, no redirects followed (a receiver
 * that moved must be reconfigured, not guessed at), and the private-address guard unless the channel allows
 * private targets.
 */
final class HttpTarget {

  private final OkHttpClient client;
  private final String channel;

  HttpTarget(OkHttpClient base, ChannelSettings s) {
    this.channel = s.name();
    OkHttpClient.Builder b = base.newBuilder()
        .callTimeout(Duration.ofMillis(s.timeoutMs()))
        .connectTimeout(Duration.ofMillis(s.timeoutMs()))
        .readTimeout(Duration.ofMillis(s.timeoutMs()))
        .followRedirects(false)
        .followSslRedirects(false);
    if (!s.allowPrivate()) {
      AddressGuard guard = AddressGuard.strict();
      b.dns(guard.dns()).socketFactory(guard.socketFactory());
    }
    this.client = b.build();
  }

  /** Sends {@code r}; anything but a 2xx is a {@link DeliveryException} naming the status and a bit of the body. */
  void send(Request r) throws DeliveryException {
    try (Response resp = client.newCall(r).execute()) {
      if (resp.isSuccessful()) {
        return;
      }
      String text = resp.peekBody(200).string();
      throw new DeliveryException(channel + ": " + r.url().redact() + " answered " + resp.code()
          + (text.isBlank() ? "" : " (" + dev.newsvault.archive.XmlChars.clean(text.strip()) + ")"));
    } catch (InterruptedIOException e) {
      throw new DeliveryException(channel + ": " + r.url().redact() + " did not answer in time (" + e.getMessage()
          + "); notify." + channel + ".timeout.ms sets how long to wait", e);
    } catch (DeliveryException e) {
      throw e;
    } catch (IOException e) {
      throw new DeliveryException(channel + ": cannot reach " + r.url().redact() + ": " + e.getMessage(), e);
    }
  }

  void close() {
    // the pool and dispatcher belong to the shared base client
  }
}
