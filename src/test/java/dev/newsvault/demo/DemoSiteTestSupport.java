package dev.newsvault.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Plain fetches and story paragraphs, shared by the demo site tests. */
final class DemoSiteTestSupport {
    static final OkHttpClient CLIENT = new OkHttpClient();

    private DemoSiteTestSupport() {
    }

    record Fetched(int code, String contentType, String etag, String lastModified, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Fetched get(DemoSite site, String path) {
        return fetch(new Request.Builder().url(site.baseUrl().resolve(path).toString()).build());
    }

    static Fetched fetch(Request request) {
        try (Response r = CLIENT.newCall(request).execute()) {
            return new Fetched(r.code(), r.header("Content-Type"), r.header("ETag"), r.header("Last-Modified"),
                    r.body() == null ? new byte[0] : r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("fetch " + request.url() + " failed", e);
        }
    }

    /** The story's paragraphs as a reader sees them (captions and page furniture excluded). */
    static List<String> storyParagraphs(String html) {
        Element body = Jsoup.parse(html).selectFirst(PageEditor.BODY_SELECTOR);
        if (body == null) {
            throw new AssertionError("no story container in page");
        }
        return body.select("p").stream().map(Element::text).filter(t -> !t.isBlank()).toList();
    }
}
