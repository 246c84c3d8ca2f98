package dev.newsvault.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.newsvault.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin, parsed by crawler-commons and cached. As RFC 9309 says: a 4xx robots.txt means
 * no restrictions; a 5xx or an unreachable server means "disallow everything for now" (retried after
 * {@value #RETRY_FAILED_MS} ms); robots.txt is read up to 500 KiB and followed through up to 5 redirects.
 * A Crawl-delay sets the host's politeness delay in the {@link HostGate} (capped at {@value #MAX_DELAY_MS} ms).
 */
public final class RobotsPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
  static final long RETRY_FAILED_MS = 5 * 60_000L;
  static final long KEEP_MS = 24 * 3600_000L;
  static final long MAX_DELAY_MS = 60_000L;
  private static final int MAX_BYTES = 500 * 1024;

  private final OkHttpClient client;
  private final HostGate gate;
  private final List<String> agents;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  /**
   * Rules for one origin; {@code problem} says why robots.txt could not be read (null when it was), and
   * {@code unreachable} whether the host could not be reached at all (DNS, connection refused, timeout).
   */
  private record Entry(BaseRobotRules rules, long expiresAt, String problem, boolean unreachable) {
    Entry(BaseRobotRules rules, long expiresAt) {
      this(rules, expiresAt, null, false);
    }
  }

  public RobotsPolicy(OkHttpClient client, Settings settings, HostGate gate) {
    this.client = client.newBuilder().followRedirects(true).followSslRedirects(true).build();
    this.gate = gate;
    this.agents = List.of(settings.robotsAgent().toLowerCase(Locale.ROOT));
  }

  /** Whether robots.txt lets newsvault fetch {@code url}. Unparseable URLs are not allowed. */
  public boolean allowed(String url) throws InterruptedException {
    HttpUrl u = HttpUrl.parse(url);
    return u != null && rules(u).isAllowed(url);
  }

  /**
   * Why {@code url} may not be fetched, for the failure record: robots.txt forbids it, or robots.txt could
   * not be read (then the whole site waits, RFC 9309). Null when it may be fetched.
   */
  public String refusal(String url) throws InterruptedException {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      return "'" + url + "' is not an http or https URL";
    }
    BaseRobotRules rules = rules(u);
    if (rules.isAllowed(url)) {
      return null;
    }
    Entry e = cache.get(u.scheme() + "://" + u.host() + ":" + u.port());
    if (e != null && e.problem() != null) {
      return "robots.txt of " + u.host() + " could not be read (" + e.problem() + "); the site is not crawled"
          + " until it can be (RFC 9309). Try again later, or check the host name and network.";
    }
    return "robots.txt of " + u.host() + " does not allow " + url;
  }

  /**
   * The kind of failure of a URL {@link #refusal} refused: its host could not be reached at all, its robots.txt
   * answered but could not be read, or robots.txt disallows it.
   */
  public FetchFailure.Kind refusalKind(String url) {
    HttpUrl u = HttpUrl.parse(url);
    Entry e = u == null ? null : cache.get(u.scheme() + "://" + u.host() + ":" + u.port());
    if (e == null || e.problem() == null) {
      return FetchFailure.Kind.ROBOTS;
    }
    return e.unreachable() ? FetchFailure.Kind.UNREACHABLE : FetchFailure.Kind.ROBOTS_UNAVAILABLE;
  }

  /** Whether {@code url}'s host could not be reached at all when its robots.txt was fetched. */
  public boolean unreachable(String url) {
    HttpUrl u = HttpUrl.parse(url);
    Entry e = u == null ? null : cache.get(u.scheme() + "://" + u.host() + ":" + u.port());
    return e != null && e.unreachable();
  }

  /** The Crawl-delay robots.txt asks for on this URL's host, in ms, or 0 when none. */
  public long crawlDelayMs(String url) throws InterruptedException {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      return 0;
    }
    long d = rules(u).getCrawlDelay();
    return d == BaseRobotRules.UNSET_CRAWL_DELAY || d < 0 ? 0 : Math.min(d, MAX_DELAY_MS);
  }

  /** The sitemaps robots.txt lists for this URL's origin. */
  public List<String> sitemaps(String url) throws InterruptedException {
    HttpUrl u = HttpUrl.parse(url);
    return u == null ? List.of() : List.copyOf(rules(u).getSitemaps());
  }

  private BaseRobotRules rules(HttpUrl u) throws InterruptedException {
    String origin = u.scheme() + "://" + u.host() + ":" + u.port();
    Entry e = cache.get(origin);
    long now = System.currentTimeMillis();
    if (e != null && e.expiresAt > now) {
      return e.rules;
    }
    synchronized (cache.computeIfAbsent(origin + "#lock", k -> new Entry(null, 0))) {
      e = cache.get(origin);
      if (e != null && e.expiresAt > System.currentTimeMillis()) {
        return e.rules;
      }
      e = fetch(u, origin);
      cache.put(origin, e);
      long delay = e.rules.getCrawlDelay();
      if (delay != BaseRobotRules.UNSET_CRAWL_DELAY && delay > 0) {
        gate.setDelay(u.host(), Math.min(delay, MAX_DELAY_MS));
      }
      return e.rules;
    }
  }

  private Entry fetch(HttpUrl u, String origin) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    HttpUrl robots = u.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build();
    long slot = gate.await(u.host());
    long now = System.currentTimeMillis();
    String problem;
    try (Response r = client.newCall(new Request.Builder().url(robots).build()).execute()) {
      int code = r.code();
      if (code >= 200 && code < 300) {
        byte[] body;
        try {
          body = read(r.body());
        } catch (IOException ex) {
          // The host answered: a body that stalls or breaks is an unreadable robots.txt, not an unreachable host.
          problem = "HTTP " + code + " from " + robotsUrl + ", but its body could not be read ("
              + (ex.getMessage() == null ? ex.toString() : ex.getMessage()) + ")";
          LOG.warn("robots.txt at {} could not be read ({}); not crawling that site until it can be read",
              robotsUrl, problem);
          return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now + RETRY_FAILED_MS, problem, false);
        }
        String type = r.header("Content-Type", "text/plain");
        return new Entry(parser.parseContent(robotsUrl, body, type, agents), now + KEEP_MS);
      }
      if (code >= 400 && code < 500) {
        return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now + KEEP_MS);
      }
      LOG.warn("robots.txt at {} answered HTTP {}; not crawling that site until it can be read (RFC 9309; asked"
          + " again after {} min)", robotsUrl, code, RETRY_FAILED_MS / 60_000);
      problem = "HTTP " + code + " from " + robotsUrl;
    } catch (BlockedAddressException ex) {
      gate.unused(u.host(), slot); // never connected: the host need not be rested
      // Never fetched, like an unavailable robots.txt (RFC 9309: no restrictions); the guard still refuses
      // every page on an internal address, and records each as blocked_address.
      LOG.warn("robots.txt at {} not fetched: {}", robotsUrl, ex.getMessage());
      return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now + KEEP_MS);
    } catch (IOException ex) {
      problem = ex.getMessage() == null ? ex.toString() : ex.getMessage();
      if (!cannotConnect(ex)) {
        // the server answered, but not with a readable robots.txt (redirect loop, broken body): hold off
        LOG.warn("robots.txt at {} could not be read ({}); not crawling that site until it can be read", robotsUrl,
            problem);
        return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now + RETRY_FAILED_MS, problem, false);
      }
      LOG.warn("cannot reach {} ({}); its pages are recorded as failed (unreachable)", robotsUrl, problem);
      return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now + RETRY_FAILED_MS, problem, true);
    }
    return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now + RETRY_FAILED_MS, problem, false);
  }

  /** Whether the host could not be reached at all: no address, no connection, no answer in time. */
  private static boolean cannotConnect(IOException ex) {
    return ex instanceof java.net.UnknownHostException || ex instanceof java.net.ConnectException
        || ex instanceof java.net.NoRouteToHostException || ex instanceof java.net.SocketTimeoutException
        || ex instanceof java.io.InterruptedIOException;
  }

  private static byte[] read(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      return in.readNBytes(MAX_BYTES);
    }
  }
}
