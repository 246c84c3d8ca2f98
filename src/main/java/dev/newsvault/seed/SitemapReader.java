package dev.newsvault.seed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Parses XML sitemaps, sitemap indexes, Google News sitemaps and plain-text sitemaps with crawler-commons'
 * {@link SiteMapParser}. Its SAX parser has external entities off and doctypes disallowed by default (we
 * never call {@code setAllowDocTypeDefinitions(true)}), so XXE and entity bombs are refused. Gzipped
 * sitemaps are inflated here, at most {@code maxBytes}, so a gzip bomb cannot fill memory; XML and plain
 * text are told apart by the content, gzipped or not.
 */
public final class SitemapReader {

  private final long maxBytes;

  public SitemapReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Parses {@code body} fetched from {@code url}. */
  public ParsedSitemap read(byte[] body, String contentType, String url) throws NotAFeedException {
    URL at;
    try {
      at = URI.create(url).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new NotAFeedException("'" + url + "' is not a URL a sitemap can be read from", e);
    }
    if (isGzip(body)) {
      body = gunzip(body, url);
    }
    String type = sniff(body);
    // Lenient: news sites list article URLs outside the sitemap's folder (and sometimes on a sibling host).
    SiteMapParser parser = new SiteMapParser(false);
    // All extensions on, so that <image:loc> and <video:content_loc> are read as such, not as page URLs.
    parser.enableExtensions();
    AbstractSiteMap parsed;
    try {
      parsed = parser.parseSiteMap(type, body, at);
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      throw new NotAFeedException(url + " is not a sitemap newsvault can read: " + e.getMessage(), e);
    }
    List<SitemapEntry> entries = new ArrayList<>();
    List<SitemapEntry> children = new ArrayList<>();
    if (parsed instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        children.add(new SitemapEntry(child.getUrl().toString(), instant(child.getLastModified()), null, null));
      }
      return new ParsedSitemap(url, true, entries, children);
    }
    if (parsed instanceof SiteMap map) {
      for (SiteMapURL u : map.getSiteMapUrls()) {
        String title = null;
        Instant published = null;
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
          for (ExtensionMetadata m : news) {
            if (m instanceof NewsAttributes n) {
              title = n.getTitle();
              ZonedDateTime d = n.getPublicationDateTime();
              published = d == null ? null : d.toInstant();
            }
          }
        }
        entries.add(new SitemapEntry(u.getUrl().toString(), instant(u.getLastModified()), title, published));
      }
    }
    return new ParsedSitemap(url, false, entries, children);
  }

  /**
   * XML or plain text, by the content rather than the Content-Type or the name: servers send text sitemaps as
   * application/octet-stream and XML ones as text/plain, and a gzipped file says nothing about what is inside.
   * A sitemap whose first character (after a byte-order mark and white space) is {@code <} is XML.
   */
  static String sniff(byte[] body) {
    if (body.length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
        || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE)) {
      return "application/xml"; // UTF-16: only XML declares its encoding; a text sitemap must be UTF-8
    }
    int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
        ? 3 : 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    return i < body.length && body[i] == '<' ? "application/xml" : "text/plain";
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  static boolean isGzip(byte[] b) {
    return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private byte[] gunzip(byte[] gz, String url) throws NotAFeedException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (out.length > maxBytes) {
        throw new NotAFeedException("gzipped sitemap " + url + " inflates to more than max.page.bytes=" + maxBytes
            + " bytes; not read (raise max.page.bytes if it is genuine)", null);
      }
      return out;
    } catch (IOException e) {
      if (e instanceof NotAFeedException n) {
        throw n;
      }
      throw new NotAFeedException("gzipped sitemap " + url + " is corrupt: " + e.getMessage(), e);
    }
  }
}
