package dev.newsvault.seed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with ROME. Doctypes are refused ({@code allowDoctypes=false}, which makes
 * ROME's SAX parser reject any DOCTYPE), so external entities (XXE) and entity-expansion bombs never run; the
 * body is already capped at {@code max.page.bytes} by the fetcher.
 */
public final class FeedReader {

  /** Parses {@code body} fetched from {@code url}; relative entry links resolve against {@code url}. */
  public ParsedFeed read(byte[] body, String contentType, String url) throws NotAFeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      feed = input.build(reader);
    } catch (FeedException | IllegalArgumentException | IOException e) {
      throw new NotAFeedException(url + " is not an RSS or Atom feed newsvault can read: " + e.getMessage(), e);
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = link(e);
      String abs = link == null ? null : resolve(url, link);
      if (abs == null) {
        continue;
      }
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      entries.add(new FeedEntry(abs, blankToNull(e.getTitle()), when == null ? null : when.toInstant(),
          blankToNull(e.getAuthor())));
    }
    return new ParsedFeed(url, blankToNull(feed.getTitle()), entries);
  }

  private static String link(SyndEntry e) {
    if (e.getLink() != null && !e.getLink().isBlank()) {
      return e.getLink().strip();
    }
    for (SyndLink l : e.getLinks()) {
      if (l.getHref() != null && (l.getRel() == null || "alternate".equals(l.getRel()))) {
        return l.getHref().strip();
      }
    }
    // RSS items without <link> often carry the article URL as a permalink guid.
    String uri = e.getUri();
    return uri != null && uri.startsWith("http") ? uri.strip() : null;
  }

  static String resolve(String base, String link) {
    try {
      URI u = new URI(base).resolve(new URI(link));
      String scheme = u.getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? u.toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
