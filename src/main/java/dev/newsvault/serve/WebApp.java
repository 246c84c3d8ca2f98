package dev.newsvault.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ReadPool;
import dev.newsvault.archive.RenderQueries;
import dev.newsvault.archive.SearchQueries;
import dev.newsvault.archive.WebQueries;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app: Javalin on Jetty, GET routes only, every page with a JSON twin under /api. Security headers go on
 * every response; the archived raw page is served as plain text in a sandbox; errors become a 4xx page (or a
 * plain 500 without details), never a stack trace.
 */
public final class WebApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  /** The app's own pages: only its own stylesheet, no script, no frames, forms only to itself. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** The archived raw page: a sandbox with nothing allowed, in case a browser renders it despite text/plain. */
  static final String RAW_CSP = "sandbox; default-src 'none'";
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._:-]{1,40})");

  static final List<Models.Route> ROUTES = List.of(
      new Models.Route("/", "/api/home", "counts, the latest articles and the latest changes"),
      new Models.Route("/search?q=WORDS&site=HOST&from=YYYY-MM-DD&to=YYYY-MM-DD&lang=CODE&changed=1&all=1"
          + "&sort=relevance|newest&page=N", "/api/search?…", "full-text search of titles and texts"),
      new Models.Route("/articles/ID[?version=N]", "/api/articles/ID", "one article: text, metadata, versions"),
      new Models.Route("/articles/ID/diff/V1/V2", "/api/articles/ID/diff/V1/V2",
          "word diff of two versions, inline and side by side"),
      new Models.Route("/articles/ID/raw/V", "", "the archived raw page of version V, as plain text"),
      new Models.Route("/articles/ID/screenshot/V", "", "the screenshot of version V (WebP or JPEG), when it has one"),
      new Models.Route("/sites", "/api/sites", "per site: articles, versions, change rate, failures"),
      new Models.Route("/sites/HOST", "/api/sites/HOST", "one site, with articles and changes per day"),
      new Models.Route("/feed.atom", "", "Atom feed of all changes"),
      new Models.Route("/sites/HOST/feed.atom", "", "Atom feed of one site's changes"),
      new Models.Route("/articles/ID/feed.atom", "", "Atom feed of one article's changes"),
      new Models.Route("/routes", "/api", "this list"));

  private final ReadPool pool;
  private final Pages pages;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(JsonTimes.module());
  private final boolean loopbackOnly;
  private final ChangeNotes notes;
  /** The updated time of a feed without entries: serving began then, not in 1970. */
  private final java.time.Instant started = java.time.Instant.now();
  private final Javalin app;

  private WebApp(ReadPool pool, String bind, int port) throws ArchiveException {
    this.pool = pool;
    this.pages = new Pages(new WebQueries(pool), new SearchQueries(pool), new RenderQueries(pool));
    this.notes = new ChangeNotes(pages.queries());
    this.loopbackOnly = isLoopback(bind);
    this.app = Javalin.create(this::configure);
    refuseIfTaken(bind, port);
    try {
      app.start(bind, port);
    } catch (RuntimeException e) {
      throw new ArchiveException("cannot listen on " + bind + ":" + port + ": " + rootMessage(e)
          + " (choose another --port, or --port 0 for any free one)", e);
    }
  }

  /**
   * A port another process listens on is said once, clearly, before the web server tries it: the server would
   * first log its own "Failed to start" error, a stack of lines before the one that says what to do.
   */
  private static void refuseIfTaken(String bind, int port) throws ArchiveException {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(bind), port));
    } catch (java.io.IOException e) {
      throw new ArchiveException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
          + " (choose another --port, or --port 0 for any free one)", e);
    }
  }

  /** Serves the archive {@code db} (read-only) on {@code bind}:{@code port}; port 0 picks a free one. */
  public static WebApp start(Path db, String bind, int port) throws ArchiveException {
    ReadPool.upgradeIfOlder(db);
    ReadPool pool = ReadPool.open(db, Math.max(8, Runtime.getRuntime().availableProcessors() * 2));
    try {
      return new WebApp(pool, bind, port);
    } catch (ArchiveException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** Whether {@code bind} listens only on this machine. */
  public static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.generateEtags = true;
    config.staticFiles.add(s -> {
      s.hostedPath = "/static";
      s.directory = "/serve-static";
      s.location = Location.CLASSPATH;
    });
    var r = config.routes;
    r.before(this::guard);
    page(r, "/", "/api/home", "home.jte", pages::home);
    page(r, "/search", "/api/search", "search.jte", pages::search);
    page(r, "/articles/{id}", "/api/articles/{id}", "article.jte", pages::article);
    page(r, "/articles/{id}/diff/{from}/{to}", "/api/articles/{id}/diff/{from}/{to}", "diff.jte", pages::diff);
    page(r, "/sites", "/api/sites", "sites.jte", pages::sites);
    page(r, "/sites/{host}", "/api/sites/{host}", "site.jte", pages::site);
    r.get("/articles/{id}/diff", this::diffForm);
    r.get("/articles/{id}/raw/{version}", this::raw);
    r.get("/articles/{id}/screenshot/{version}", this::screenshot);
    r.get("/feed.atom", ctx -> atom(ctx, "/feed.atom", "all", "newsvault: all changes", null, null, started));
    r.get("/sites/{host}/feed.atom", ctx -> atom(ctx, Paths.siteFeed(ctx.pathParam("host")),
        "site:" + ctx.pathParam("host"), "newsvault: changes on " + ctx.pathParam("host"), ctx.pathParam("host"),
        null, started));
    r.get("/articles/{id}/feed.atom", ctx -> {
      var a = pages.article(ctx.pathParam("id"));
      atom(ctx, Paths.articleFeed(a.id()), "article:" + ChangeFeed.urlKey(a.url()),
          "newsvault: changes of " + a.url(), null, a.id(), firstSeen(a.firstSeen()));
    });
    r.get("/routes", ctx -> render(ctx, "routes.jte", ROUTES));
    r.get("/api", ctx -> ctx.contentType("application/json").result(json.writeValueAsString(ROUTES)));
    r.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad request", e.getMessage()));
    r.exception(Pages.NotFound.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage()));
    r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), "Error", e.getMessage()));
    r.exception(dev.newsvault.archive.ArchiveBusyException.class, (e, ctx) -> {
      ctx.header("Retry-After", "5");
      problem(ctx, 503, "Busy", "The server is answering many requests at once; try again in a few seconds.");
    });
    r.exception(Exception.class, (e, ctx) -> {
      LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
      problem(ctx, 500, "Server error", "The archive could not be read for this page; see the server's log.");
    });
    r.error(404, ctx -> {
      if (ctx.attribute("problem") == null) {
        problem(ctx, 404, "Not found", "There is no page at this address; the routes are listed at /routes.");
      }
    });
  }

  /** Model of one page: an HTML route and its JSON twin. */
  @FunctionalInterface
  interface Model {
    Object of(Context ctx) throws Exception;
  }

  private void page(io.javalin.config.RoutesConfig r, String path, String api, String template, Model model) {
    r.get(path, ctx -> render(ctx, template, model.of(ctx)));
    r.get(api, ctx -> ctx.contentType("application/json").result(json.writeValueAsString(model.of(ctx))));
  }

  private void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput(8192);
    templates.render(template, model, out);
    // archived text may hold control characters: escaped HTML still carries them to the reader
    ctx.html(dev.newsvault.archive.XmlChars.clean(out.toString()));
  }

  private java.time.Instant firstSeen(String iso) {
    try {
      return java.time.Instant.parse(iso);
    } catch (java.time.format.DateTimeParseException | NullPointerException e) {
      return started;
    }
  }

  /**
   * Security headers on every response; and, when listening on loopback only, a refusal of requests whose Host
   * is another name, so a web page cannot read the archive through DNS rebinding.
   */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    if (loopbackOnly && !localHost(ctx.host())) {
      throw new IllegalArgumentException("this server answers only to localhost and 127.0.0.1, not to the host"
          + " name in this request");
    }
  }

  static boolean localHost(String hostHeader) {
    if (hostHeader == null) {
      return true;
    }
    String h = hostHeader.toLowerCase(Locale.ROOT);
    h = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.replaceFirst(":\\d*$", "");
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
  }

  private void diffForm(Context ctx) throws ArchiveException {
    var a = pages.article(ctx.pathParam("id"));
    long from = Pages.number(ctx.queryParam("from"), 0, "from");
    long to = Pages.number(ctx.queryParam("to"), 0, "to");
    ctx.redirect(Paths.diff(a.id(), (int) from, (int) to));
  }

  /** The archived page as fetched, as plain text in a sandbox: no script in it can run on this origin. */
  private void raw(Context ctx) throws ArchiveException {
    var a = pages.article(ctx.pathParam("id"));
    int v = (int) Pages.number(ctx.pathParam("version"), 0, "version");
    var page = pages.queries().rawPage(a.id(), v)
        .orElseThrow(() -> new Pages.NotFound("no raw page stored for version " + v + " of article " + a.id()));
    String charset = "UTF-8";
    Matcher m = CHARSET.matcher(page.contentType() == null ? "" : page.contentType());
    if (m.find() && java.nio.charset.Charset.isSupported(m.group(1))) {
      charset = m.group(1);
    }
    ctx.header("Content-Security-Policy", RAW_CSP);
    ctx.header("Content-Disposition", "inline");
    ctx.contentType("text/plain; charset=" + charset);
    ctx.result(page.body());
  }

  /** A version's screenshot, as the image newsvault's browser encoded it (only WebP or JPEG are stored). */
  private void screenshot(Context ctx) throws ArchiveException {
    var a = pages.article(ctx.pathParam("id"));
    int v = (int) Pages.number(ctx.pathParam("version"), 0, "version");
    var shot = pages.renders().screenshot(a.id(), v)
        .orElseThrow(() -> new Pages.NotFound("no screenshot stored for version " + v + " of article " + a.id()));
    String type = shot.mediaType().equals("image/jpeg") ? "image/jpeg" : "image/webp";
    ctx.header("Content-Security-Policy", RAW_CSP);
    ctx.header("Cache-Control", "max-age=86400, immutable");
    ctx.contentType(type);
    ctx.result(shot.image());
  }

  private void atom(Context ctx, String self, String name, String title, String host, Long articleId,
      java.time.Instant quiet) throws ArchiveException {
    String base = ctx.scheme() + "://" + ctx.host();
    String xml = ChangeFeed.atom(base, self, name, title, pages.feed(host, articleId), notes, quiet);
    ctx.contentType("application/atom+xml; charset=utf-8");
    ctx.result(xml.getBytes(StandardCharsets.UTF_8));
  }

  private void problem(Context ctx, int status, String title, String message) {
    ctx.attribute("problem", message);
    ctx.status(status);
    // a bad search keeps its words, so the reader can correct them instead of typing them again
    String query = ctx.path().equals("/search") || ctx.path().equals("/api/search") ? ctx.queryParam("q") : null;
    Models.ErrorPage model = new Models.ErrorPage(status, title, message == null ? title : message, query);
    if (ctx.path().startsWith("/api")) {
      try {
        ctx.contentType("application/json").result(json.writeValueAsString(model));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        ctx.result("{}");
      }
    } else {
      render(ctx, "error.jte", model);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  @Override
  public void close() {
    app.stop();
    pool.close();
  }
}
