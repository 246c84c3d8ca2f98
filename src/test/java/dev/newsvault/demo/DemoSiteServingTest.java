package dev.newsvault.demo;

import static dev.newsvault.demo.DemoSiteTestSupport.CLIENT;
import static dev.newsvault.demo.DemoSiteTestSupport.fetch;
import static dev.newsvault.demo.DemoSiteTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.newsvault.demo.DemoSiteTestSupport.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoSiteServingTest {
    private static final String BROKEN_LINK = "/world/harbour-strike-live-updates.html";
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void servesEveryPageLinkedFromTheFrontPageExceptTheOneDeliberateBrokenLink() throws IOException {
        BaseRobotRules robots = robots();
        HttpUrl base = HttpUrl.get(site.baseUrl().toString());
        Map<String, Integer> status = new TreeMap<>();
        Set<String> seen = new HashSet<>(Set.of("/"));
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        while (!queue.isEmpty()) {
            String path = queue.poll();
            Fetched page = get(site, path);
            status.put(path, page.code());
            if (page.code() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            Document doc = Jsoup.parse(page.text(), base.resolve(path).toString());
            for (Element link : doc.select("a[href], img[src], link[href]")) {
                String url = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("src");
                HttpUrl target = HttpUrl.parse(url);
                if (target == null || !target.host().equals(base.host()) || target.port() != base.port()
                        || !robots.isAllowed(url)) {
                    continue;
                }
                String p = target.encodedPath();
                if (seen.add(p)) {
                    queue.add(p);
                }
            }
        }

        assertThat(status).containsEntry(BROKEN_LINK, 404);
        assertThat(status.values().stream().filter(code -> code == 404)).hasSize(1);
        assertThat(status.values()).allMatch(code -> code == 200 || code == 404);
        assertThat(status.keySet()).containsAll(site.articlePaths())
                .contains("/about.html", "/contact.html", "/feed.xml", "/media/port-ellery-quarterly-figures.pdf")
                .doesNotContain("/admin/");
        assertThat(status).hasSizeGreaterThan(35);
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html; charset=utf-8",
        "/world/, text/html; charset=utf-8",
        "/world/russia-accredits-taliban-ambassador-in-moscow.html, text/html; charset=utf-8",
        "/feed.xml, application/rss+xml; charset=utf-8",
        "/sitemap.xml, application/xml; charset=utf-8",
        "/sitemap-news.xml, application/xml; charset=utf-8",
        "/robots.txt, text/plain; charset=utf-8",
        "/media/port-ellery-quarterly-figures.pdf, application/pdf",
        "/media/harbour-gazette-logo.svg, image/svg+xml",
        "/static/site.css, text/css; charset=utf-8",
    })
    void answersEachFileWithItsContentType(String path, String contentType) {
        Fetched f = get(site, path);
        assertThat(f.code()).isEqualTo(200);
        assertThat(f.contentType()).isEqualTo(contentType);
        assertThat(f.etag()).matches("\"[0-9a-f]{20}\"");
        assertThat(f.lastModified()).isNotBlank();
    }

    @Test
    void thePdfIsARealPdf() {
        byte[] pdf = get(site, "/media/port-ellery-quarterly-figures.pdf").body();
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("212,000").endsWith("%%EOF\n");
    }

    @Test
    void conditionalGetIsAnswered304WithTheSameValidators() {
        String path = site.articlePaths().get(3);
        Fetched first = get(site, path);

        Fetched byEtag = fetch(request(path).header("If-None-Match", first.etag()).build());
        Fetched byDate = fetch(request(path).header("If-Modified-Since", first.lastModified()).build());
        Fetched otherEtag = fetch(request(path).header("If-None-Match", "\"0000\"").build());

        assertThat(byEtag.code()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.etag()).isEqualTo(first.etag());
        assertThat(byEtag.lastModified()).isEqualTo(first.lastModified());
        assertThat(byDate.code()).isEqualTo(304);
        assertThat(otherEtag.code()).isEqualTo(200);
        assertThat(otherEtag.body()).isEqualTo(first.body());
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutABody() throws IOException {
        Fetched full = get(site, "/");
        Request head = request("/").head().build();
        try (Response r = CLIENT.newCall(head).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo(full.etag());
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(full.body().length));
            assertThat(r.body().bytes()).isEmpty();
        }
    }

    @Test
    void unknownPathsAre404AndASectionWithoutItsSlashRedirects() throws IOException {
        assertThat(get(site, "/no/such/page.html").code()).isEqualTo(404);
        assertThat(get(site, "/_meta/edits.tsv").code()).isEqualTo(404);
        assertThat(get(site, "/../pom.xml").code()).isEqualTo(404);
        try (Response r = CLIENT.newBuilder().followRedirects(false).build().newCall(request("/science").build()).execute()) {
            assertThat(r.code()).isEqualTo(301);
            assertThat(r.header("Location")).isEqualTo("/science/");
        }
    }

    @Test
    void everyArticleCarriesMetadataAndTheUsualPageFurniture() {
        for (String path : site.articlePaths()) {
            String html = get(site, path).text();
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("script[type=application/ld+json]").size()
                    + doc.select("meta[property=og:title]").size()).as(path).isPositive();
            assertThat(doc.select("time[datetime]")).as(path).isNotEmpty();
            assertThat(DemoSiteTestSupport.storyParagraphs(html)).as(path).hasSizeGreaterThanOrEqualTo(4);
            assertThat(doc.text()).as(path)
                    .contains("Enter your email address:", "Subscribe", "Leave a comment", "Back to Top",
                            "Categorized in:", "About us", "Copyright © 2024", "We use cookies", " on ")
                    .containsIgnoringCase("Related articles")
                    .doesNotContain("{{BASE}}");
        }
    }

    @Test
    void everyPageWithAStoryIsListedAsAnArticle() {
        Set<String> withStory = new HashSet<>();
        for (String path : site.content().paths()) {
            if (path.endsWith(".html") && Jsoup.parse(get(site, path).text()).selectFirst(PageEditor.BODY_SELECTOR) != null) {
                withStory.add(path);
            }
        }
        assertThat(withStory).containsExactlyInAnyOrderElementsOf(site.articlePaths());
        assertThat(site.articlePaths()).hasSizeBetween(20, 30);
    }

    private static Request.Builder request(String path) {
        return new Request.Builder().url(site.baseUrl().resolve(path).toString());
    }

    private static BaseRobotRules robots() {
        Fetched f = get(site, "/robots.txt");
        return new SimpleRobotRulesParser().parseContent(site.baseUrl().resolve("/robots.txt").toString(), f.body(),
                f.contentType(), List.of("newsvault"));
    }
}
