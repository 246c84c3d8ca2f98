package dev.newsvault.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's webhook receiver on 127.0.0.1: it checks each POST's signature as a real receiver should (the
 * HMAC-SHA256 of the body under the shared secret, compared in constant time) and keeps what arrived, so the
 * tour can show the notice of the corrected article.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One message as the receiver saw it. */
  public record Received(boolean signatureValid, String key, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final byte[] secret;
  private final List<Received> received = new ArrayList<>();

  public WebhookReceiver(String secret) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(1 << 20);
        String sig = exchange.getRequestHeaders().getFirst("X-Newsvault-Signature");
        synchronized (received) {
          received.add(new Received(valid(body, sig), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              JSON.readTree(body)));
        }
        exchange.sendResponseHeaders(204, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private boolean valid(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, header.substring(7).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
