package dev.newsvault.demo;

import static dev.newsvault.demo.DemoSiteTestSupport.fetch;
import static dev.newsvault.demo.DemoSiteTestSupport.get;
import static dev.newsvault.demo.DemoSiteTestSupport.storyParagraphs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.demo.DemoSiteTestSupport.Fetched;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoSiteChangesTest {
    private static final String SEED_ARTICLE = "/world/russia-accredits-taliban-ambassador-in-moscow.html";
    private DemoSite site;

    @BeforeEach
    void start() {
        site = DemoSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void editArticleRewordsASentenceAppendsACorrectionAndChangesTheValidators() {
        Fetched before = get(site, SEED_ARTICLE);
        String untouched = site.articlePaths().get(0);
        Fetched otherBefore = get(site, untouched);

        site.editArticle(SEED_ARTICLE);

        Fetched after = get(site, SEED_ARTICLE);
        List<String> oldStory = storyParagraphs(before.text());
        List<String> newStory = storyParagraphs(after.text());
        assertThat(newStory).hasSize(oldStory.size() + 1);
        assertThat(newStory.get(0)).isNotEqualTo(oldStory.get(0))
                .contains("has formally accredited the first diplomat of Afghanistan in Moscow");
        assertThat(newStory.subList(1, oldStory.size())).isEqualTo(oldStory.subList(1, oldStory.size()));
        assertThat(newStory.get(newStory.size() - 1)).startsWith("Correction: This article has been updated");
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.lastModified()).isNotEqualTo(before.lastModified());
        assertThat(Jsoup.parse(after.text()).select("script[type=application/ld+json]").html())
                .doesNotContain("\"dateModified\": \"2022-04-01T09:00:00+01:00\"");

        Request revalidate = new Request.Builder().url(site.baseUrl().resolve(SEED_ARTICLE).toString())
                .header("If-None-Match", before.etag()).build();
        assertThat(fetch(revalidate).code()).isEqualTo(200);
        Request revalidateByDate = new Request.Builder().url(site.baseUrl().resolve(SEED_ARTICLE).toString())
                .header("If-Modified-Since", before.lastModified()).build();
        assertThat(fetch(revalidateByDate).code()).isEqualTo(200);
        assertThat(get(site, untouched).etag()).isEqualTo(otherBefore.etag());
    }

    @Test
    void everyArticleCanBeCorrected() {
        for (String path : site.articlePaths()) {
            List<String> before = storyParagraphs(get(site, path).text());
            site.editArticle(path);
            List<String> after = storyParagraphs(get(site, path).text());
            assertThat(after).as(path).hasSize(before.size() + 1).isNotEqualTo(before);
            assertThat(after.subList(0, before.size())).as(path).isNotEqualTo(before);
        }
    }

    @Test
    void editArticleRefusesUnknownPathsAndASecondCorrection() {
        assertThatThrownBy(() -> site.editArticle("/about.html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/about.html");
        site.editArticle(SEED_ARTICLE);
        assertThatThrownBy(() -> site.editArticle(SEED_ARTICLE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already been edited");
    }

    @Test
    void churnBoilerplateChangesEveryPagesBytesButNoStory() {
        Map<String, Fetched> before = new HashMap<>();
        for (String path : site.content().paths()) {
            if (path.endsWith(".html")) {
                before.put(path, get(site, path));
            }
        }

        site.churnBoilerplate();

        for (Map.Entry<String, Fetched> e : before.entrySet()) {
            Fetched after = get(site, e.getKey());
            assertThat(after.etag()).as(e.getKey()).isNotEqualTo(e.getValue().etag());
            assertThat(after.body()).as(e.getKey()).isNotEqualTo(e.getValue().body());
        }
        for (String path : site.articlePaths()) {
            Document old = Jsoup.parse(before.get(path).text());
            Document now = Jsoup.parse(get(site, path).text());
            assertThat(storyParagraphs(now.outerHtml())).as(path).isEqualTo(storyParagraphs(old.outerHtml()));
            assertThat(now.select("ul.related-articles li").eachText()).as(path)
                    .isNotEqualTo(old.select("ul.related-articles li").eachText())
                    .containsExactlyInAnyOrderElementsOf(old.select("ul.related-articles li").eachText());
            assertThat(now.select("[data-count]").eachText()).as(path)
                    .isNotEqualTo(old.select("[data-count]").eachText());
        }
        assertThat(Jsoup.parse(get(site, "/").text()).select(".last-updated").text()).isEqualTo("Last updated 08:52");
    }

    @Test
    void churnOnAnUncommentedArticleMovesNoCommentsToOne() {
        assertThat(Jsoup.parse(get(site, SEED_ARTICLE).text()).select(".comments-link a").text())
                .startsWith("No Comments on");
        site.churnBoilerplate();
        assertThat(Jsoup.parse(get(site, SEED_ARTICLE).text()).select(".comments-link a").text())
                .startsWith("1 Comment on");
    }

    @Test
    void tickCountersMovesTheLiveCountersInsideAStoryAndNothingElse() {
        String path = "/science/comet-visible-to-the-naked-eye-this-weekend.html";
        List<String> story = storyParagraphs(get(site, path).text());
        assertThat(site.liveCounters(path)).hasSize(2).first().isEqualTo("Updated 5 minutes ago · 38 comments");

        site.tickCounters();

        List<String> now = storyParagraphs(get(site, path).text());
        assertThat(site.liveCounters(path)).hasSize(2).first().isEqualTo("Updated 12 minutes ago · 45 comments");
        assertThat(site.liveCounters(path).get(1)).endsWith("1.5K likes · 93 replies");
        List<String> changed = now.stream().filter(p -> !story.contains(p)).toList();
        assertThat(changed).containsExactlyElementsOf(site.liveCounters(path));
        assertThat(site.liveCounters(SEED_ARTICLE)).isEmpty();
    }
}
