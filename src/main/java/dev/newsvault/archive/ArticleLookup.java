package dev.newsvault.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The articles archived on given hosts: the candidates when a URL is looked up by identity rather than
 * spelling (see {@code check.UrlIdentity#find}). Reads through the host index, so a lookup costs one site's
 * articles, not the archive's.
 */
public final class ArticleLookup {

  private final Archive archive;

  public ArticleLookup(Archive archive) {
    this.archive = archive;
  }

  /** Articles whose host is one of {@code hosts} (lower case), oldest first. */
  public List<ArticleRecord> onHosts(Collection<String> hosts) throws ArchiveException {
    if (hosts.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(hosts.size(), "?"));
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT id, url, canonical_url, host,"
          + " first_seen, last_seen, last_checked, current_version, state FROM article WHERE host IN (" + marks
          + ") ORDER BY id")) {
        int i = 0;
        for (String h : hosts) {
          ps.setString(++i, h);
        }
        List<ArticleRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(ArchiveReader.articleRecord(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("look up the articles of " + hosts, e);
      }
    }
  }
}
