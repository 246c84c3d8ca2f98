package dev.newsvault.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsvault.fetch.HostRequests;
import dev.newsvault.fetch.SiteRequests;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One host's cookies and headers in a page's browser context: the cookies are host-only cookies of that host
 * (the browser sends them to it alone), and the headers are added request by request, through the DevTools
 * Fetch domain, to requests for that host only; any other request, a redirect to another host included, has
 * them removed. Values are never logged.
 */
final class HostSetup implements Consumer<JsonNode> {

  private static final long CALL_MS = 10_000;

  private final DevTools dt;
  private final String session;
  private final HostRequests site;
  private final Set<String> managed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private final Executor executor;

  private HostSetup(DevTools dt, String session, HostRequests site, Executor executor) {
    this.dt = dt;
    this.session = session;
    this.site = site;
    this.executor = executor;
    managed.addAll(site.headers().keySet());
  }

  /** Applies {@code site} to the page session; returns the listener to remove afterwards, or null. */
  static HostSetup apply(DevTools dt, String session, HostRequests site, Executor executor) throws RenderException {
    if (site == null || site.isEmpty()) {
      return null;
    }
    for (var c : site.cookies().entrySet()) {
      for (String scheme : new String[] {"http", "https"}) {
        ObjectNode p = dt.params();
        p.put("name", c.getKey());
        p.put("value", c.getValue());
        p.put("url", scheme + "://" + site.host() + "/");
        dt.call(session, "Network.setCookie", p, CALL_MS);
      }
    }
    if (site.headers().isEmpty()) {
      return null;
    }
    HostSetup s = new HostSetup(dt, session, site, executor);
    dt.listen(s);
    ObjectNode p = dt.params();
    p.putArray("patterns").addObject().put("urlPattern", "*").put("requestStage", "Request");
    dt.call(session, "Fetch.enable", p, CALL_MS);
    return s;
  }

  @Override
  public void accept(JsonNode m) {
    if (!"Fetch.requestPaused".equals(m.path("method").asText()) || !session.equals(m.path("sessionId").asText())) {
      return;
    }
    JsonNode params = m.path("params");
    // Answered off the reader thread: the answer's reply arrives on that thread.
    executor.execute(() -> answer(params));
  }

  private void answer(JsonNode params) {
    ObjectNode p = dt.params();
    p.put("requestId", params.path("requestId").asText());
    String host = SiteRequests.host(params.path("request").path("url").asText());
    boolean ours = site.appliesTo(host);
    JsonNode given = params.path("request").path("headers");
    boolean carries = false;
    for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
      carries |= managed.contains(it.next());
    }
    if (ours || carries) {
      ArrayNode headers = p.putArray("headers");
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!managed.contains(e.getKey())) {
          headers.addObject().put("name", e.getKey()).put("value", e.getValue().asText());
        }
      }
      if (ours) {
        site.headers().forEach((k, v) -> headers.addObject().put("name", k).put("value", v));
      }
    }
    try {
      dt.call(session, "Fetch.continueRequest", p, CALL_MS);
    } catch (RenderException e) {
      // the page is gone or its context disposed: nothing waits for this request any more
    }
  }
}
