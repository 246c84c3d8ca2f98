package dev.newsvault.seed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsvault.extract.HtmlDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

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
    try (Reader reader = reader(body, contentType)) {
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

  /**
   * ROME reads the charset from a byte-order mark, the XML declaration or the Content-Type; when none
   * of them names one it assumes UTF-8, which turns an ISO-8859-1 feed's accents into U+FFFD. Then the
   * bytes decide (valid UTF-8, else the statistical detector the HTML decoder uses).
   */
  private static Reader reader(byte[] body, String contentType) throws IOException {
    if (declaresCharset(body, contentType)) {
      return new XmlReader(new ByteArrayInputStream(body), contentType, true);
    }
    return new StringReader(new String(body, HtmlDecoder.detect(body)));
  }

  private static boolean declaresCharset(byte[] body, String contentType) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
      return true;
    }
    if (body.length >= 2 && ((body[0] & 0xFF) >= 0xFE || (body[0] & 0xFF) == 0xEF || body[0] == 0 || body[1] == 0)) {
      return true; // a byte-order mark or UTF-16/32 without one: XmlReader knows these
    }
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
    int end = head.startsWith("<?xml") ? head.indexOf("?>") : -1;
    return end > 0 && head.substring(0, end).contains("encoding");
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
