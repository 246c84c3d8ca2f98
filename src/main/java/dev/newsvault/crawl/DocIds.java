package dev.newsvault.crawl;

import com.sleepycat.je.Environment;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import java.util.HashMap;
import java.util.Map;

/**
 * crawler4j's doc ids, kept in memory instead of BerkeleyDB (see {@link QueueFrontier}): a URL gets the next id the
 * first time it is scheduled and keeps it. Only URLs crawler4j schedules get one, the same URLs {@link CrawlFrontier}
 * holds; the map's keys are those very strings.
 */
final class DocIds extends DocIDServer {

  private final Map<String, Integer> ids = new HashMap<>();
  private int last;

  DocIds(Environment env, CrawlConfig config) {
    super(env, config); // opens crawler4j's (empty) doc-id database, closed with this server
  }

  @Override
  public synchronized int getDocId(String url) {
    Integer id = ids.get(url);
    return id == null ? -1 : id;
  }

  @Override
  public synchronized int getNewDocID(String url) {
    Integer id = ids.get(url);
    if (id != null) {
      return id;
    }
    ids.put(url, ++last);
    return last;
  }

  @Override
  public synchronized void addUrlAndDocId(String url, int docId) throws Exception {
    if (docId <= last) {
      throw new Exception("doc id " + docId + " for " + url + " is not above the last one given, " + last);
    }
    Integer known = ids.get(url);
    if (known != null) {
      if (known == docId) {
        return;
      }
      throw new Exception(url + " has doc id " + known + " already, not " + docId);
    }
    ids.put(url, docId);
    last = docId;
  }

  @Override
  public boolean isSeenBefore(String url) {
    return getDocId(url) != -1;
  }

  @Override
  public void close() {
    synchronized (this) {
      ids.clear();
    }
    super.close();
  }
}
