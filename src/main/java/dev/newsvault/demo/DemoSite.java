package dev.newsvault.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Harbour Gazette, a sample news site served on 127.0.0.1 for the offline demo and for tests.
 * It answers like a real news site: correct content types, ETag and Last-Modified, 304 to conditional
 * requests, a feed, sitemaps, robots.txt, one PDF and one deliberately broken link.
 *
 * <p>Run it by hand with {@code java -cp target/newsvault.jar dev.newsvault.demo.DemoSite [port]}.
 */
public final class DemoSite implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SiteContent content;
    private final URI baseUrl;

    private DemoSite(HttpServer server, ExecutorService executor, SiteContent content, URI baseUrl) {
        this.server = server;
        this.executor = executor;
        this.content = content;
        this.baseUrl = baseUrl;
    }

    /** Starts the site on a free port of 127.0.0.1. */
    public static DemoSite start() {
        return start(0);
    }

    /** Starts the site on {@code port} of 127.0.0.1 (0 picks a free one). */
    public static DemoSite start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port
                    + " for the demo site; choose another port or 0 for any free one", e);
        }
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        SiteContent content = SiteContent.load(base.toString().replaceAll("/$", ""));
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "demo-site-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", new SiteHandler(content));
        server.setExecutor(executor);
        server.start();
        return new DemoSite(server, executor, content, base);
    }

    /** The front page, e.g. {@code http://127.0.0.1:54321/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Site-relative paths of every article page (e.g. {@code /world/…html}), newest first. */
    public List<String> articlePaths() {
        return content.articlePaths();
    }

    /**
     * Publishes a correction to one article: a sentence of its story is reworded and a correction note is
     * appended, so its ETag and Last-Modified change. Each article can be corrected once per DemoSite.
     *
     * @throws IllegalArgumentException if {@code path} is not one of {@link #articlePaths()}
     * @throws IllegalStateException if the article was already corrected
     */
    public synchronized void editArticle(String path) {
        ArticleEdit edit = content.edit(path);
        if (edit == null) {
            throw new IllegalArgumentException("Not a demo article: " + path + "; use one of articlePaths(), e.g. "
                    + content.articlePaths().get(0));
        }
        SiteResource page = content.get(path);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String corrected = PageEditor.correct(page.text(), edit, now.atZone(ZoneOffset.UTC));
        content.put(path, page.withBody(corrected.getBytes(StandardCharsets.UTF_8), now));
    }

    /**
     * Changes only page furniture on every HTML page (the "last updated" clock, comment counts, the order
     * of related articles): the bytes and validators change, the stories do not.
     */
    public synchronized void churnBoilerplate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String path : content.paths()) {
            SiteResource page = content.get(path);
            if (page.isHtml()) {
                byte[] churned = PageEditor.churn(page.text()).getBytes(StandardCharsets.UTF_8);
                content.put(path, page.withBody(churned, now));
            }
        }
    }

    /**
     * Moves on the live counters inside stories (see {@link PageEditor#tickCounters}): the story text
     * changes on the page, but only in counts that are no edit.
     */
    public synchronized void tickCounters() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String path : content.articlePaths()) {
            SiteResource page = content.get(path);
            String ticked = PageEditor.tickCounters(page.text());
            if (!ticked.equals(page.text())) {
                content.put(path, page.withBody(ticked.getBytes(StandardCharsets.UTF_8), now));
            }
        }
    }

    /** The lines of one article's story that hold live counters, as the site serves them now. */
    public synchronized java.util.List<String> liveCounters(String path) {
        SiteResource page = content.get(path);
        return page == null ? java.util.List.of() : PageEditor.liveCounters(page.text());
    }

    SiteContent content() {
        return content;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Serves the site until Ctrl-C: {@code DemoSite [port]}. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        int port = 0;
        if (args.length > 0) {
            try {
                port = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("Not a port number: '" + args[0] + "'. Usage: DemoSite [port] (0 or none for any free port)");
                return;
            }
        }
        DemoSite site = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "demo-site-shutdown"));
        out.println("The Harbour Gazette demo site is serving " + site.content.paths().size() + " files at "
                + site.baseUrl() + " (Ctrl-C to stop)");
        stopped.await();
    }
}
