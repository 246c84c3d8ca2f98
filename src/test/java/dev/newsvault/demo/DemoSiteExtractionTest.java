package dev.newsvault.demo;

import static dev.newsvault.demo.DemoSiteTestSupport.get;
import static dev.newsvault.demo.DemoSiteTestSupport.storyParagraphs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.demo.DemoSiteTestSupport.Fetched;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo only convinces if the extractor keeps each story whole and leaves the page furniture behind. */
class DemoSiteExtractionTest {
    private static final List<String> FURNITURE = List.of(
            "Enter your email address:", "Subscribe to Harbour Gazette News", "The Morning Tide", "Leave a comment",
            "Back to Top", "Categorized in:", "Related articles", "Related Articles", "Copyright ©", "About us",
            "We use cookies", "Share:", "Share this:", "Share on Facebook", "Last updated", "No Comments on");
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
    void extractorKeepsEveryDemoStoryParagraphAndDropsThePageFurniture() {
        ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
        for (String path : site.articlePaths()) {
            Fetched page = get(site, path);
            Article article = extractor.extract(page.body(), page.contentType(), site.baseUrl().resolve(path).toString());
            String text = squash(article.text());
            Document doc = Jsoup.parse(page.text());

            for (String paragraph : storyParagraphs(page.text())) {
                assertThat(text).as(path).contains(squash(paragraph));
            }
            for (String furniture : FURNITURE) {
                assertThat(text).as(path).doesNotContain(furniture);
            }
            for (String comment : doc.select(".comment-content p, .comment > p:not([class]), .comment .what").eachText()) {
                assertThat(text).as(path + " reader comment").doesNotContain(comment);
            }
            for (String related : doc.select("ul.related-articles li").eachText()) {
                assertThat(text).as(path + " related link").doesNotContain(related);
            }
            assertThat(article.title()).as(path).isNotBlank();
        }
    }

    @Test
    void sectionFrontsOfTeasersHaveNoArticleTextButTheirMetadataStays() {
        ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
        // What is left of a front or section page is a stray line of page chrome at most: far below the 40
        // words the crawl needs to archive a page as an article, and none of the teasers' summaries.
        for (String path : List.of("/", "/world/", "/business/", "/science/", "/opinion/")) {
            Fetched page = get(site, path);
            Article article = extractor.extract(page.body(), page.contentType(), site.baseUrl().resolve(path).toString());
            assertThat(article.text().split("\\s+")).as(path).hasSizeLessThan(20);
            for (String teaser : Jsoup.parse(page.text()).select(".teaser p:not(.teaser-meta)").eachText()) {
                assertThat(article.text()).as(path).doesNotContain(teaser);
            }
            assertThat(article.title()).as(path).isNotBlank();
        }
    }

    @Test
    void aStaticPageIsTitledByItsOwnNameNotTheSiteName() {
        Fetched page = get(site, "/about.html");
        Article about = new ArticleExtractor(ExtractionRules.NONE).extract(page.body(), page.contentType(),
                site.baseUrl().resolve("/about.html").toString());
        assertThat(about.title()).isEqualTo("About us");
        assertThat(about.siteName()).isEqualTo("The Harbour Gazette");
        assertThat(about.text()).isNotEmpty();
    }

    @Test
    void extractedTextChangesAfterACorrectionButNotAfterTemplateChurn() {
        ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
        String path = "/world/lavrov-says-moscow-has-recognised-taliban-diplomat.html";
        String url = site.baseUrl().resolve(path).toString();
        Fetched original = get(site, path);
        String before = extractor.extract(original.body(), original.contentType(), url).text();

        site.churnBoilerplate();
        Fetched churned = get(site, path);
        assertThat(churned.body()).isNotEqualTo(original.body());
        assertThat(extractor.extract(churned.body(), churned.contentType(), url).text()).isEqualTo(before);

        site.editArticle(path);
        Fetched edited = get(site, path);
        String after = extractor.extract(edited.body(), edited.contentType(), url).text();
        assertThat(after).isNotEqualTo(before).contains("He also said he was concerned");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
