package dev.newsvault.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Chrome DevTools protocol over the browser's debugging pipe ({@code --remote-debugging-pipe}): JSON
 * messages separated by NUL bytes. A pipe rather than a debugging port, so no other local process can drive
 * the browser. Every call has a time limit; when the pipe ends (the browser died) every waiting call fails at
 * once.
 */
final class DevTools implements Closeable {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Largest message accepted: a full-page screenshot in base64 or a large DOM fits well within it. */
  private static final int MAX_MESSAGE = 96 * 1024 * 1024;

  private final OutputStream out;
  private final InputStream in;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile String endedBecause;

  DevTools(OutputStream out, InputStream in, String name) {
    this.out = out;
    this.in = in;
    this.reader = new Thread(this::readLoop, name + "-devtools");
    reader.setDaemon(true);
    reader.start();
  }

  /** Events (messages with a method and no id) go to {@code l} on the reader thread; keep it short. */
  void listen(Consumer<JsonNode> l) {
    listeners.add(l);
  }

  void unlisten(Consumer<JsonNode> l) {
    listeners.remove(l);
  }

  /** Why the connection ended, or null while it is open. */
  String ended() {
    return endedBecause;
  }

  ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Sends a command (to a page session when {@code sessionId} is not null) and waits for its result.
   *
   * @throws RenderException broken when the browser does not answer within {@code timeoutMs} or has gone,
   *     not broken when it answers with a protocol error
   */
  JsonNode call(String sessionId, String method, ObjectNode params, long timeoutMs) throws RenderException {
    if (endedBecause != null) {
      throw new RenderException("the browser is gone (" + endedBecause + ")", true);
    }
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params == null ? params() : params);
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    try {
      byte[] bytes = JSON.writeValueAsBytes(msg);
      synchronized (out) {
        out.write(bytes);
        out.write(0);
        out.flush();
      }
      JsonNode reply = f.get(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        throw new RenderException(method + " failed: " + reply.path("error").path("message").asText(), false);
      }
      return reply.path("result");
    } catch (IOException e) {
      if (e instanceof RenderException r) {
        throw r;
      }
      throw new RenderException("cannot write to the browser: " + e.getMessage(), true, e);
    } catch (TimeoutException e) {
      throw new RenderException("the browser did not answer " + method + " within " + timeoutMs + " ms", true);
    } catch (ExecutionException e) {
      throw new RenderException("the browser is gone (" + e.getCause().getMessage() + ")", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while waiting for the browser", false);
    } finally {
      pending.remove(id);
    }
  }

  private void readLoop() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
    byte[] chunk = new byte[64 * 1024];
    String why = "its pipe closed";
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == 0) {
            buf.write(chunk, start, i - start);
            dispatch(buf.toByteArray());
            buf.reset();
            start = i + 1;
          }
        }
        buf.write(chunk, start, n - start);
        if (buf.size() > MAX_MESSAGE) {
          why = "it sent a message over " + MAX_MESSAGE + " bytes";
          break;
        }
      }
    } catch (IOException e) {
      why = "reading its pipe failed: " + e.getMessage();
    } finally {
      endedBecause = why;
      IOException gone = new IOException(why);
      pending.values().forEach(f -> f.completeExceptionally(gone));
    }
  }

  private void dispatch(byte[] message) {
    JsonNode m;
    try {
      m = JSON.readTree(new String(message, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return; // not JSON: nothing waits for it
    }
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    for (Consumer<JsonNode> l : listeners) {
      try {
        l.accept(m);
      } catch (RuntimeException e) {
        // a listener's fault must not stop the reader
      }
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // the browser is being killed anyway
    }
    try {
      in.close();
    } catch (IOException e) {
      // as above
    }
  }
}
