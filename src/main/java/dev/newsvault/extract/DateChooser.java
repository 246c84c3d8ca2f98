package dev.newsvault.extract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Chooses a page's publication and modification dates among the ones it states. Trust goes to what
 * the page states for machines about itself (JSON-LD, explicit publication meta tags, microdata),
 * then to the date in its URL, then to the date shown nearest the headline; generic {@code date}
 * meta tags, which many sites fill with the last edit, come last. Impossible dates (after now, before
 * 1995 unless a machine-readable source says so) are dropped, and nothing is guessed: a page whose only
 * dates are in comments, sidebars or a copyright line gets none. A UTC instant is reported on the
 * page's own calendar day when another source gives that day with its offset or as the page prints it.
 */
final class DateChooser {

  /** The chosen dates and where each was read; nulls when the page states none. */
  record Chosen(String published, DateSource publishedSource, String modified, DateSource modifiedSource) {
    static final Chosen NONE = new Chosen(null, null, null, null);
  }

  /** Meta names that say "published", in order of trust. */
  private static final String[] PUBLISHED_META = {
      "article:published_time", "og:published_time", "og:article:published_time", "article:published",
      "published_time", "publish_date", "publish-date", "publishdate", "pubdate", "publication_date",
      "publication-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
      "dc.date.created", "dcterms.created", "dcterms:created", "dcterms:issued", "citation_publication_date", "citation_date",
      "citation_online_date", "bepress_citation_date", "prism.publicationdate", "article.published", "published-date",
      "date_published", "bt:pubdate", "og:pubdate", "pub_date", "originalpublicationdate",
      "article_date_original", "shareaholic:article_published_time", "release_date"};
  /** Meta tags holding schema.org's names: microdata written as meta elements. */
  private static final String[] MICRODATA_META = {"datepublished", "uploaddate", "datecreated"};
  /** Generic names: a date, often the last edit's. */
  private static final String[] WEAK_META = {"date", "dc.date", "dc:date", "dcterms.date", "dcterms:date", "created", "dc.created"};
  private static final String[] MODIFIED_META = {
      "article:modified_time", "og:updated_time", "og:modified_time", "modified_time", "last-modified",
      "dc.date.modified", "dcterms.modified", "bt:moddate", "datemodified", "shareaholic:article_modified_time"};

  private static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);

  private DateChooser() {}

  static Chosen choose(PageIndex index, Map<String, List<String>> meta, JsonLd ld, List<String> urls,
      List<String> titles, String language, LocalDate today) {
    LocalDate latest = today.plusDays(1); // a page a time zone ahead of ours is already tomorrow
    List<DateCandidate> strong = new ArrayList<>();
    for (String field : new String[] {"datePublished", "dateCreated", "uploadDate"}) {
      addAll(strong, ld.dates(field), DateSource.JSON_LD, language, latest, true);
    }
    for (String key : PUBLISHED_META) {
      addAll(strong, meta.get(key), DateSource.META, language, latest, true);
    }
    for (String key : MICRODATA_META) {
      addAll(strong, meta.get(key), DateSource.MICRODATA, language, latest, true);
    }
    if (index.datePublished != null && !index.datePublished.normalName().equals("meta")) {
      addAll(strong, List.of(itemValue(index.datePublished)), DateSource.MICRODATA, language, latest, true);
    }
    List<DateCandidate> fromUrl = new ArrayList<>();
    for (String u : urls) {
      String d = Dates.fromUrl(u);
      if (d != null && plausible(new DateCandidate(d, DateSource.URL), latest, false)) {
        fromUrl.add(new DateCandidate(d, DateSource.URL));
        break;
      }
    }
    List<VisibleDates.Shown> shown = VisibleDates.find(index, language);
    List<DateCandidate> visible = new ArrayList<>();
    PageIndex.Headline headline = storyHeadline(index, titles);
    int h1Order = headline == null ? -1 : headline.order();
    VisibleDates.Shown nearHeadline = nearestHeadline(shown, h1Order, latest);
    int nextHeading = headline == null ? Integer.MAX_VALUE : nextHeading(index, headline);
    if (headline != null && (nearHeadline == null || nearHeadline.order() > nextHeading)) {
      // A bare line beside the headline is weaker evidence than an element marked as a date, unless that
      // element sits under the next heading ("Latest articles"): then it is another section's.
      VisibleDates.Shown beside =
          nearestHeadline(VisibleDates.besideHeadline(headline, language), h1Order, latest);
      if (beside != null && (nearHeadline == null || beside.order() < nextHeading)) {
        nearHeadline = beside;
      }
    }
    if (nearHeadline != null) {
      visible.add(nearHeadline.candidate());
    }
    for (DateCandidate line : VisibleDates.dateLines(index, language)) {
      if (line != null && plausible(line, latest, false)) {
        visible.add(line);
      }
    }
    List<DateCandidate> weak = new ArrayList<>();
    for (String key : WEAK_META) {
      addAll(weak, meta.get(key), DateSource.META, language, latest, true);
    }

    DateCandidate published = corroborated(strong, visible);
    if (published == null) {
      published = first(strong, fromUrl, visible, weak);
    }
    if (published == null) {
      // The last resort: a page that states its date only in its scripts' app state.
      DateCandidate inScript = ScriptDates.find(index.appScripts, language);
      published = inScript != null && plausible(inScript, latest, true) ? inScript : null;
    }
    if (published != null && published.utc()) {
      List<DateCandidate> others = new ArrayList<>(strong);
      others.addAll(fromUrl);
      others.addAll(visible);
      others.addAll(weak);
      published = localDay(published, others);
    }
    DateCandidate modified = modified(index, meta, ld, shown, language, latest);
    return new Chosen(
        published == null ? null : published.value(), published == null ? null : published.source(),
        modified == null ? null : modified.value(), modified == null ? null : modified.source());
  }

  private static DateCandidate modified(PageIndex index, Map<String, List<String>> meta, JsonLd ld,
      List<VisibleDates.Shown> shown, String language, LocalDate latest) {
    List<DateCandidate> out = new ArrayList<>();
    addAll(out, ld.dates("dateModified"), DateSource.JSON_LD, language, latest, true);
    for (String key : MODIFIED_META) {
      addAll(out, meta.get(key), key.equals("datemodified") ? DateSource.MICRODATA : DateSource.META,
          language, latest, true);
    }
    if (out.isEmpty() && index.dateModified != null) {
      addAll(out, List.of(itemValue(index.dateModified)), DateSource.MICRODATA, language, latest, true);
    }
    for (VisibleDates.Shown s : shown) {
      if (out.isEmpty() && s.modified() && plausible(s.candidate(), latest, false)) {
        out.add(s.candidate());
      }
    }
    return out.isEmpty() ? null : out.get(0);
  }

  /**
   * The heading that repeats the page's title: an h1 first (the first h1 may be the site's logo), else an
   * h2 or h3 (pages without an h1); else the first h1.
   */
  private static PageIndex.Headline storyHeadline(PageIndex index, List<String> titles) {
    for (boolean h1 : new boolean[] {true, false}) {
      for (PageIndex.Headline h : index.headlines) {
        if (h.element().normalName().equals("h1") == h1 && repeatsTitle(h, titles)) {
          return h;
        }
      }
    }
    for (PageIndex.Headline h : index.headlines) {
      if (h.element().normalName().equals("h1")) {
        return h;
      }
    }
    return null;
  }

  private static boolean repeatsTitle(PageIndex.Headline h, List<String> titles) {
    String key = TextShape.key(h.element().text());
    for (String t : titles) {
      String title = TextShape.key(t);
      // The heading holds the title, or most of it: not a site name the <title> merely ends with.
      if (!key.isEmpty() && !title.isEmpty()
          && (key.contains(title) || title.contains(key) && 2 * key.length() >= title.length())) {
        return true;
      }
    }
    return false;
  }

  /** A microdata property's value: its datetime, its content, else its text. */
  private static String itemValue(Element e) {
    return e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
  }

  /**
   * When the page's machine-readable statements disagree (a JSON-LD block from the first draft, a meta
   * tag from the last), the one a reader sees confirmed beside the headline; null when they agree or
   * none is confirmed.
   */
  private static DateCandidate corroborated(List<DateCandidate> strong, List<DateCandidate> visible) {
    if (strong.size() < 2 || visible.isEmpty() || strong.stream().map(DateCandidate::day).distinct().count() < 2) {
      return null;
    }
    LocalDate seen = visible.get(0).day();
    for (DateCandidate c : strong) {
      if (c.day().equals(seen)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The page-order place of the first heading after the story's that names a section (an empty one, as
   * forum posts put above each post, names none), or the largest int.
   */
  private static int nextHeading(PageIndex index, PageIndex.Headline headline) {
    for (PageIndex.Headline h : index.headlines) {
      if (h.order() > headline.order() && h.element().hasText()) {
        return h.order();
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The shown publication date closest to the headline: a date line sits next to it. */
  private static VisibleDates.Shown nearestHeadline(List<VisibleDates.Shown> shown, int h1Order,
      LocalDate latest) {
    VisibleDates.Shown best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (VisibleDates.Shown s : shown) {
      if (s.modified() || !plausible(s.candidate(), latest, s.candidate().source() != DateSource.TEXT)) {
        continue;
      }
      int distance = h1Order < 0 ? s.order() : Math.abs(s.order() - h1Order);
      if (distance < bestDistance) {
        best = s;
        bestDistance = distance;
      }
    }
    // A byline's text and the <time> or microformat inside it give the same day: name the precise source.
    for (VisibleDates.Shown s : shown) {
      if (best != null && best.candidate().source() == DateSource.TEXT && s.candidate().source() != DateSource.TEXT
          && !s.modified() && s.candidate().day().equals(best.candidate().day())) {
        return new VisibleDates.Shown(s.candidate(), best.order(), false);
      }
    }
    return best;
  }

  /**
   * The page's own day for a UTC instant: another statement of the same instant with its offset, or a
   * date the page prints (no offset) one day either side of the UTC day.
   */
  private static DateCandidate localDay(DateCandidate utc, List<DateCandidate> others) {
    OffsetDateTime instant = parse(utc.value());
    if (instant == null) {
      return utc;
    }
    for (DateCandidate o : others) {
      OffsetDateTime local = o.localOffset() ? parse(o.value()) : null;
      if (local != null && !local.toLocalDate().equals(utc.day())
          && Math.abs(local.toEpochSecond() - instant.toEpochSecond()) <= 60) {
        return o;
      }
    }
    for (DateCandidate o : others) {
      long days = o.day().toEpochDay() - utc.day().toEpochDay();
      // A printed day before the UTC day needs a UTC time early enough for an offset of at most ten hours
      // west to reach back; a day after, one late enough for at most eleven hours east.
      if (o.value().length() == 10 && (days == -1 && instant.getHour() < 10 || days == 1 && instant.getHour() >= 13)) {
        return o;
      }
    }
    return utc;
  }

  private static OffsetDateTime parse(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @SafeVarargs
  private static DateCandidate first(List<DateCandidate>... tiers) {
    for (List<DateCandidate> tier : tiers) {
      if (!tier.isEmpty()) {
        return tier.get(0);
      }
    }
    return null;
  }

  private static void addAll(List<DateCandidate> out, List<String> raws, DateSource source, String language,
      LocalDate latest, boolean machine) {
    if (raws == null) {
      return;
    }
    for (String raw : raws) {
      String v = Dates.normalize(raw, language);
      if (v != null) {
        DateCandidate c = new DateCandidate(v, source);
        if (plausible(c, latest, machine)) {
          out.add(c);
        }
      }
    }
  }

  /** Not after tomorrow; not before 1995 unless a machine-readable statement says so. */
  private static boolean plausible(DateCandidate c, LocalDate latest, boolean machine) {
    LocalDate day = c.day();
    return !day.isAfter(latest) && (machine ? day.getYear() >= 1900 : !day.isBefore(EARLIEST));
  }
}
