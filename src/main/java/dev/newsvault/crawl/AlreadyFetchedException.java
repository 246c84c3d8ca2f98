package dev.newsvault.crawl;

/**
 * A URL not fetched because it was already fetched as the end of another URL's redirect (two links, one to
 * the old address and one to the new, are both scheduled before either is fetched).
 */
final class AlreadyFetchedException extends RuntimeException {

  AlreadyFetchedException(String url) {
    super(url + " was fetched already as a redirect target", null, false, false);
  }
}
