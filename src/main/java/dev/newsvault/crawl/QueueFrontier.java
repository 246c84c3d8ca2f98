package dev.newsvault.crawl;

import com.sleepycat.je.Environment;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * crawler4j's queue of URLs to fetch, kept in memory instead of BerkeleyDB. newsvault never uses crawler4j's
 * resumable mode (the archive's frontier table is what a resumed crawl starts from, and {@link CrawlFrontier} already
 * holds every accepted URL in memory), so the queue's database only cost CPU: a B-tree insert for each accepted link,
 * a cursor walk and a delete for each batch a thread takes, and the compiler's time for all of BerkeleyDB's code.
 *
 * <p>URLs come out in crawler4j's order: by priority, then depth (127 at most), then doc id, as the queue database's
 * key sorts them; a URL put again under the same key replaces the one queued, as a put into that database does. A
 * queued URL keeps what crawler4j stored of it (address, doc ids, parent, depth, priority, anchor).
 */
final class QueueFrontier extends Frontier {

  /** A queued URL as crawler4j's queue database stored it, without the parts of its address it derives again. */
  private record Queued(String url, int docid, int parentDocid, String parentUrl, short depth, byte priority,
      String anchor) {

    static Queued of(WebURL w) {
      return new Queued(w.getURL(), w.getDocid(), w.getParentDocid(), w.getParentUrl(), w.getDepth(), w.getPriority(),
          w.getAnchor());
    }

    WebURL toWebUrl() {
      WebURL w = new WebURL();
      w.setURL(url);
      w.setDocid(docid);
      w.setParentDocid(parentDocid);
      w.setParentUrl(parentUrl);
      w.setDepth(depth);
      w.setPriority(priority);
      w.setAnchor(anchor);
      return w;
    }
  }

  private final int maxPages;
  private final TreeMap<Long, Queued> queue = new TreeMap<>();
  private final AtomicLong processed = new AtomicLong();

  QueueFrontier(Environment env, CrawlConfig config) {
    super(env, config); // opens crawler4j's (empty) queue database, closed with this frontier
    this.maxPages = config.getMaxPagesToFetch();
  }

  /** The queue database's key as one number: priority, depth (at most 127) and doc id, compared as its bytes are. */
  static long key(WebURL w) {
    long depth = Math.min(w.getDepth(), Byte.MAX_VALUE) & 0xFF;
    return (w.getPriority() & 0xFFL) << 40 | depth << 32 | (w.getDocid() & 0xFFFFFFFFL);
  }

  @Override
  public void scheduleAll(List<WebURL> urls) {
    synchronized (mutex) {
      for (WebURL url : urls) {
        if (maxPages > 0 && scheduledPages >= maxPages) {
          break;
        }
        queue.put(key(url), Queued.of(url));
        scheduledPages++;
      }
    }
    wakeWaiting();
  }

  @Override
  public void schedule(WebURL url) {
    synchronized (mutex) {
      if (maxPages < 0 || scheduledPages < maxPages) {
        queue.put(key(url), Queued.of(url));
        scheduledPages++;
      }
    }
    wakeWaiting(); // crawler4j's own does not, which leaves a waiting thread asleep until the next batch of links
  }

  @Override
  public void getNextURLs(int max, List<WebURL> result) {
    while (true) {
      synchronized (mutex) {
        if (isFinished) {
          return;
        }
        Iterator<Map.Entry<Long, Queued>> it = queue.entrySet().iterator();
        for (int n = 0; n < max && it.hasNext(); n++) {
          result.add(it.next().getValue().toWebUrl());
          it.remove();
        }
        if (!result.isEmpty()) {
          return;
        }
      }
      try {
        synchronized (waitingList) {
          waitingList.wait();
        }
      } catch (InterruptedException ignored) {
        // as crawler4j's frontier: looked at again, and left when the crawl is finished
      }
      if (isFinished) {
        return;
      }
    }
  }

  private void wakeWaiting() {
    synchronized (waitingList) {
      waitingList.notifyAll();
    }
  }

  @Override
  public void setProcessed(WebURL webUrl) {
    processed.incrementAndGet();
  }

  @Override
  public long getQueueLength() {
    synchronized (mutex) {
      return queue.size();
    }
  }

  @Override
  public long getNumberOfAssignedPages() {
    return 0; // what crawler4j's frontier answers outside its resumable mode
  }

  @Override
  public long getNumberOfProcessedPages() {
    return processed.get();
  }

  @Override
  public long getNumberOfScheduledPages() {
    synchronized (mutex) {
      return scheduledPages;
    }
  }

  @Override
  public void close() {
    synchronized (mutex) {
      queue.clear();
    }
    super.close();
  }
}
