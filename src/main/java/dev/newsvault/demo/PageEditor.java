package dev.newsvault.demo;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The two kinds of change the demo makes to a page: a correction to the story, and a reshuffle of the
 * furniture around it. Pages are re-serialised without pretty-printing so nothing else moves.
 */
final class PageEditor {
    /** The story container in each of the site's three article templates. */
    static final String BODY_SELECTOR = ".entry-content, .story-body, .article-text";

    private static final Pattern LAST_UPDATED = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern DATE_MODIFIED = Pattern.compile("(\"dateModified\"\\s*:\\s*\")[^\"]*(\")");
    private static final int CHURN_MINUTES = 7;
    private static final Pattern LIVE_COUNT =
            Pattern.compile("(\\d+(?:\\.\\d)?K|\\d+)( minutes ago| comments| likes| replies)");

    private PageEditor() {
    }

    /**
     * Rewords {@code edit.oldText()} in the story, appends the correction note, and moves the page's
     * modified date to {@code now}.
     */
    static String correct(String html, ArticleEdit edit, ZonedDateTime now) {
        Document doc = parse(html);
        Element body = doc.selectFirst(BODY_SELECTOR);
        if (body == null) {
            throw new IllegalArgumentException(edit.path() + " has no story container (" + BODY_SELECTOR + ")");
        }
        TextNode target = body.select("p, li").stream()
                .flatMap(el -> el.textNodes().stream())
                .filter(t -> t.getWholeText().contains(edit.oldText()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(edit.path() + " no longer contains \"" + edit.oldText()
                        + "\"; it has already been edited (start a fresh DemoSite to edit it again)"));
        target.text(target.getWholeText().replace(edit.oldText(), edit.newText()));
        body.appendElement("p").addClass("correction")
                .appendElement("em").text("Correction:").parent()
                .appendText(" " + edit.note());

        String stamp = now.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        for (Element script : doc.select("script[type=application/ld+json]")) {
            for (DataNode data : script.dataNodes()) {
                data.setWholeData(DATE_MODIFIED.matcher(data.getWholeData())
                        .replaceAll("$1" + Matcher.quoteReplacement(stamp) + "$2"));
            }
        }
        doc.select("meta[property=article:modified_time]").attr("content", stamp);
        return doc.outerHtml();
    }

    /**
     * Changes what a template changes between two visits when no story has: the "last updated" clock,
     * comment counts, and the order of the related-articles list.
     */
    static String churn(String html) {
        Document doc = parse(html);
        for (Element clock : doc.select(".last-updated")) {
            clock.text("Last updated " + advance(clock.text()));
        }
        for (Element count : doc.select("[data-count]")) {
            int n = parseCount(count.attr("data-count")) + 1;
            count.attr("data-count", Integer.toString(n));
            TextNode label = count.textNodes().isEmpty() ? null : count.textNodes().get(0);
            if (label != null) {
                boolean capitalised = label.text().contains("C");
                label.text(countLabel(n, capitalised));
            }
        }
        for (Element list : doc.select("ul.related-articles")) {
            Elements items = list.children();
            if (items.size() > 1) {
                Element first = items.first();
                first.remove();
                list.appendChild(first);
            }
        }
        return doc.outerHtml();
    }

    /**
     * Moves on the live counters inside a story, lines that no markup names: "Updated 5 minutes ago · 38
     * comments" and the counts under an embedded post ("1.2K likes · 86 replies"). Every number followed by
     * a counter word or "minutes ago" grows; the story around it stays as it is.
     */
    static String tickCounters(String html) {
        Document doc = parse(html);
        Element body = doc.selectFirst(BODY_SELECTOR);
        if (body == null) {
            return html;
        }
        boolean ticked = false;
        for (Element p : body.select("p")) {
            for (TextNode t : p.textNodes()) {
                Matcher m = LIVE_COUNT.matcher(t.getWholeText());
                if (!m.find()) {
                    continue;
                }
                StringBuilder b = new StringBuilder();
                do {
                    m.appendReplacement(b, Matcher.quoteReplacement(tick(m.group(1)) + m.group(2)));
                } while (m.find());
                m.appendTail(b);
                t.text(b.toString());
                ticked = true;
            }
        }
        return ticked ? doc.outerHtml() : html;
    }

    /** The lines of the story that hold live counters. */
    static java.util.List<String> liveCounters(String html) {
        Element body = parse(html).selectFirst(BODY_SELECTOR);
        return body == null ? java.util.List.of() : body.select("p").stream().map(Element::text)
                .filter(t -> LIVE_COUNT.matcher(t).find()).toList();
    }

    private static String tick(String count) {
        if (count.endsWith("K")) {
            double k = Double.parseDouble(count.substring(0, count.length() - 1)) + 0.3;
            return String.format(Locale.ROOT, "%.1fK", k);
        }
        return Integer.toString(Integer.parseInt(count) + CHURN_MINUTES);
    }

    static String countLabel(int n, boolean capitalised) {
        String label = n == 0 ? "No Comments" : n + (n == 1 ? " Comment" : " Comments");
        return capitalised ? label : label.toLowerCase(Locale.ROOT);
    }

    private static String advance(String clockText) {
        Matcher m = LAST_UPDATED.matcher(clockText);
        LocalTime time = LocalTime.of(8, 45);
        if (m.find()) {
            try {
                time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // an unreadable clock is simply restarted; it is furniture, not content
            }
        }
        return time.plusMinutes(CHURN_MINUTES).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static int parseCount(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Document parse(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }
}
