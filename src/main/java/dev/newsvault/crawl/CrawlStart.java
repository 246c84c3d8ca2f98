package dev.newsvault.crawl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A start URL during a crawl, with the hosts that count as "its host": the start URL's own and, when the
 * start page redirected (http to https, example.com to www.example.com), the host it ended on.
 */
final class CrawlStart {

  final StartUrl start;
  final Set<String> hosts = ConcurrentHashMap.newKeySet();

  CrawlStart(StartUrl start) {
    this.start = start;
    hosts.add(UrlScope.host(start.url()));
  }
}
