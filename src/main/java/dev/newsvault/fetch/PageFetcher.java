package dev.newsvault.fetch;

import dev.newsvault.config.Settings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Fetches one URL with the shared OkHttp client and returns a {@link Capture}, never throwing for what the
 * web does: robots.txt is obeyed, each request waits for its host's {@link HostGate}, redirects are followed
 * here (up to {@code max.redirects}, loops detected), conditional GET is sent when validators are given, and
 * bodies are read only up to {@code max.page.bytes} after decompression, so a gzip bomb or an endless page is
 * recorded as too large instead of filling memory.
 */
public final class PageFetcher {

  /** Response headers kept with every capture. */
  static final Set<String> HEADERS_OF_NOTE = Set.of("content-type", "content-length", "content-encoding",
      "content-language", "date", "etag", "last-modified", "cache-control", "expires", "server", "location",
      "x-robots-tag", "link");

  private final OkHttpClient client;
  private final Settings settings;
  private final HostGate gate;
  private final RobotsPolicy robots;
  private final SiteRequests sites;

  /** A fetcher sending the per-site headers and cookies of the {@code site.*} settings. */
  public PageFetcher(OkHttpClient client, Settings settings, HostGate gate, RobotsPolicy robots) {
    this(client, settings, gate, robots, SiteRequests.of(settings));
  }

  /** A fetcher sending {@code sites}' headers and cookies, each only to its own host. */
  public PageFetcher(OkHttpClient client, Settings settings, HostGate gate, RobotsPolicy robots,
      SiteRequests sites) {
    this.client = client;
    this.settings = settings;
    this.gate = gate;
    this.robots = robots;
    this.sites = sites;
  }

  /** The per-site settings this fetcher sends. */
  public SiteRequests sites() {
    return sites;
  }

  /** Fetches an HTML page; any other content type is recorded as {@code not_html} without reading it. */
  public Capture fetch(String url, Validators validators) throws InterruptedException {
    return fetch(url, validators, true);
  }

  /**
   * Fetches {@code url}.
   *
   * @param validators sent as If-None-Match / If-Modified-Since; {@link Validators#NONE} for a plain GET
   * @param htmlOnly when true, a response that is not HTML is recorded as {@code not_html} and not read
   */
  public Capture fetch(String url, Validators validators, boolean htmlOnly) throws InterruptedException {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    HttpUrl current = HttpUrl.parse(url);
    if (current == null) {
      return Capture.failed(url, start, FetchFailure.of(FetchFailure.Kind.BAD_URL,
          "'" + url + "' is not an http or https URL"));
    }
    Set<String> seen = new LinkedHashSet<>();
    seen.add(current.toString());
    for (int hop = 0; ; hop++) {
      String refused = robots == null ? null : robots.refusal(current.toString());
      if (refused != null) {
        return Capture.failed(url, Instant.now(), FetchFailure.of(robots.refusalKind(current.toString()), refused));
      }
      long slot = gate.await(current.host());
      Request.Builder rb = new Request.Builder().url(current)
          .header("Accept", htmlOnly ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" : "*/*");
      if (validators != null && sendable(validators.etag())) {
        rb.header("If-None-Match", validators.etag());
      }
      if (validators != null && sendable(validators.lastModified())) {
        rb.header("If-Modified-Since", validators.lastModified());
      }
      // Decided per hop: a redirect to another host gets none of this host's headers or cookies.
      HostRequests site = sites.forHost(current.host());
      site.headers().forEach(rb::header);
      if (site.cookieHeader() != null) {
        rb.header("Cookie", site.cookieHeader());
      }
      try (Response r = client.newCall(rb.build()).execute()) {
        if (r.isRedirect()) {
          String location = r.header("Location");
          HttpUrl next = location == null ? null : current.resolve(location);
          if (next == null) {
            return done(url, current, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.IO,
                "HTTP " + r.code() + " from " + current + " has no usable Location header"));
          }
          if (!seen.add(next.toString())) {
            return done(url, current, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.REDIRECT_LOOP,
                "redirect loop: " + String.join(" -> ", seen) + " -> " + next));
          }
          if (hop + 1 > settings.maxRedirects()) {
            return done(url, current, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.REDIRECT_LOOP,
                "more than " + settings.maxRedirects() + " redirects from " + url
                    + " (raise max.redirects if this is intended)"));
          }
          current = next;
          continue;
        }
        return respond(url, current, r, start, t0, htmlOnly);
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("fetch of " + current + " interrupted");
        }
        return Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.TIMEOUT,
            "no complete answer from " + current + " within the timeouts (connect.timeout.ms="
                + settings.connectTimeoutMs() + ", read.timeout.ms=" + settings.readTimeoutMs() + ")"));
      } catch (SSLException e) {
        return Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.IO,
            "TLS failed for " + current + ": " + e.getMessage()
                + " (set tls.insecure=true only for a host you trust)"));
      } catch (BlockedAddressException e) {
        gate.unused(current.host(), slot); // refused before any connection: nothing reached the host
        return Capture.failed(url, Instant.now(), blocked(url, current, e));
      } catch (UnknownHostException e) {
        return Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.IO,
            "unknown host " + current.host() + " (check the URL or your DNS)"));
      } catch (IOException e) {
        BlockedAddressException blocked = blockedCause(e);
        if (blocked != null) {
          gate.unused(current.host(), slot);
          return Capture.failed(url, Instant.now(), blocked(url, current, blocked));
        }
        return Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.IO,
            "fetch of " + current + " failed: " + e));
      }
    }
  }

  private Capture respond(String url, HttpUrl at, Response r, Instant start, long t0, boolean htmlOnly)
      throws IOException {
    int code = r.code();
    if (code == 304) {
      return done(url, at, r, start, t0, null, null);
    }
    if (code >= 400) {
      return done(url, at, r, start, t0, null, FetchFailure.forStatus(code, at.toString()));
    }
    if (code < 200 || code >= 300) {
      return done(url, at, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.IO,
          "unexpected HTTP " + code + " from " + at));
    }
    String type = r.header("Content-Type");
    if (htmlOnly && !ContentTypes.isHtml(type)) {
      return done(url, at, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.NOT_HTML,
          at + " is " + type + ", not HTML"));
    }
    long max = settings.maxPageBytes();
    ResponseBody body = r.body();
    long declared = body == null ? -1 : body.contentLength();
    if (declared > max && r.header("Content-Encoding") == null) {
      return done(url, at, r, start, t0, null, tooLarge(at, "declares " + declared + " bytes"));
    }
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : readAtMost(body.source(), max);
    } catch (InterruptedIOException e) {
      throw e; // a timeout, reported as such by the caller
    } catch (IOException e) {
      // EOF before Content-Length, a reset, bad chunking, a broken gzip stream: all mean a body we cannot keep.
      return done(url, at, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.IO,
          "the body of " + at + " is cut short or its compression is corrupt: " + e.getMessage()));
    }
    if (bytes == null) {
      return done(url, at, r, start, t0, null, tooLarge(at, "sent more than " + max + " bytes"));
    }
    if (htmlOnly && type == null && !ContentTypes.looksLikeHtml(bytes)) {
      return done(url, at, r, start, t0, null, FetchFailure.of(FetchFailure.Kind.NOT_HTML,
          at + " has no Content-Type and does not look like HTML"));
    }
    return done(url, at, r, start, t0, bytes, null);
  }

  /**
   * Whether a validator the server sent can be sent back: OkHttp refuses header values with control or
   * non-ASCII characters, and a hostile ETag must not turn every re-check into an error (a plain GET then).
   */
  static boolean sendable(String value) {
    return value != null && !value.isBlank() && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
  }

  private static FetchFailure blocked(String url, HttpUrl at, BlockedAddressException e) {
    String where = at.toString().equals(url) ? url : at + " (redirected from " + url + ")";
    return FetchFailure.of(FetchFailure.Kind.BLOCKED_ADDRESS, "not fetching " + where + ": " + e.getMessage());
  }

  /** The guard's refusal inside {@code e}, which OkHttp may wrap or attach as suppressed, or null. */
  private static BlockedAddressException blockedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlockedAddressException b) {
        return b;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof BlockedAddressException b) {
          return b;
        }
      }
    }
    return null;
  }

  private FetchFailure tooLarge(HttpUrl at, String what) {
    return FetchFailure.of(FetchFailure.Kind.TOO_LARGE, at + " " + what + ", over max.page.bytes="
        + settings.maxPageBytes() + "; not archived (raise max.page.bytes to keep such pages)");
  }

  /** Reads up to {@code max} bytes; null when the body is longer (it is then not read further). */
  static byte[] readAtMost(BufferedSource source, long max) throws IOException {
    Buffer buf = new Buffer();
    while (buf.size() <= max) {
      long n = source.read(buf, 64 * 1024);
      if (n == -1) {
        return buf.readByteArray();
      }
    }
    return null;
  }

  private static Capture done(String url, HttpUrl at, Response r, Instant start, long t0, byte[] body,
      FetchFailure failure) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : r.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HEADERS_OF_NOTE.contains(lower)) {
        headers.put(lower, String.join(", ", r.headers(name)));
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000L;
    return new Capture(url, at.toString(), r.code(), start, ms, r.header("Content-Type"), r.header("ETag"),
        r.header("Last-Modified"), headers, body, failure);
  }
}
