package dev.newsvault.notify;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An HTTP server on 127.0.0.1 that records every request and answers from fixed pages by path, else from a
 * script, else 200.
 */
final class Receiver implements AutoCloseable {

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final java.util.Map<String, MockResponse> pages = new java.util.concurrent.ConcurrentHashMap<>();

  Receiver() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        MockResponse page = pages.get(r.getPath());
        if (page != null) {
          return page;
        }
        synchronized (script) {
          MockResponse m = script.poll();
          return m != null ? m : new MockResponse().setResponseCode(200).setBody("{}");
        }
      }
    });
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  /** The next requests get these answers, in order; after them, 200. */
  void answer(MockResponse... responses) {
    synchronized (script) {
      script.addAll(List.of(responses));
    }
  }

  /** Answers every request for {@code path} with {@code response}, whatever the script says. */
  void serve(String path, MockResponse response) {
    pages.put(path, response);
  }

  /** Drops the answers not given yet: from now on, 200. */
  void clearScript() {
    synchronized (script) {
      script.clear();
    }
  }

  String url(String path) {
    return server.url(path).toString();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
