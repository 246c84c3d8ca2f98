package dev.newsvault.demo;

import static dev.newsvault.demo.DemoSiteTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.NewsAttributes;
import dev.newsvault.demo.DemoSiteTestSupport.Fetched;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSiteFeedsTest {
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
    void robotsTxtDisallowsOnlyTheAdminAreaAndPointsAtTheSitemap() {
        Fetched f = get(site, "/robots.txt");
        BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(url("/robots.txt"), f.body(),
                f.contentType(), List.of("newsvault"));
        assertThat(rules.isAllowed(url("/admin/"))).isFalse();
        assertThat(rules.isAllowed(url("/"))).isTrue();
        assertThat(rules.isAllowed(url(site.articlePaths().get(0)))).isTrue();
        assertThat(rules.getSitemaps()).containsExactly(url("/sitemap.xml"));
    }

    @Test
    void feedListsTheTenNewestArticlesWithDatesAndGuids() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(
                new ByteArrayInputStream(get(site, "/feed.xml").body()), StandardCharsets.UTF_8));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).hasSize(10);
        List<String> expected = site.articlePaths().subList(0, 10).stream().map(this::url).toList();
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactlyElementsOf(expected);
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactlyElementsOf(expected);
        List<Date> dates = feed.getEntries().stream().map(SyndEntry::getPublishedDate).toList();
        assertThat(dates).doesNotContainNull().isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getTitle()).isNotBlank());
    }

    @Test
    void sitemapIndexLeadsToANewsSitemapOfEveryArticleAndAPagesSitemap() throws Exception {
        SiteMapParser parser = new SiteMapParser();
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap index = parse(parser, "/sitemap.xml");
        assertThat(index).isInstanceOf(SiteMapIndex.class);
        assertThat(((SiteMapIndex) index).getSitemaps()).extracting(s -> s.getUrl().toString())
                .containsExactlyInAnyOrder(url("/sitemap-news.xml"), url("/sitemap-pages.xml"));

        SiteMap news = (SiteMap) parse(parser, "/sitemap-news.xml");
        assertThat(news.getSiteMapUrls()).extracting(u -> u.getUrl().getPath())
                .containsExactlyInAnyOrderElementsOf(site.articlePaths());
        for (SiteMapURL u : news.getSiteMapUrls()) {
            NewsAttributes attrs = (NewsAttributes) u.getAttributesForExtension(Extension.NEWS)[0];
            assertThat(attrs.getPublicationDateTime()).as(u.getUrl().toString()).isNotNull();
            assertThat(attrs.getTitle()).isNotBlank();
            assertThat(u.getLastModified()).isNotNull();
        }

        SiteMap pages = (SiteMap) parse(parser, "/sitemap-pages.xml");
        assertThat(pages.getSiteMapUrls()).hasSize(7);
        for (SiteMapURL u : pages.getSiteMapUrls()) {
            assertThat(get(site, u.getUrl().getPath()).code()).as(u.getUrl().toString()).isEqualTo(200);
        }
    }

    private AbstractSiteMap parse(SiteMapParser parser, String path) throws Exception {
        Fetched f = get(site, path);
        return parser.parseSiteMap(f.contentType(), f.body(), new URL(url(path)));
    }

    private String url(String path) {
        return site.baseUrl().resolve(path).toString();
    }
}
