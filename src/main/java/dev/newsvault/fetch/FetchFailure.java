package dev.newsvault.fetch;

/**
 * Why a fetched URL was not archived as a page.
 *
 * @param kind what went wrong, one of a small fixed set so the archive can count failures by kind
 * @param detail a sentence for humans: what happened and, where it helps, what to do
 */
public record FetchFailure(Kind kind, String detail) {

  /** Failure kinds; {@link #code()} is what the archive stores. */
  public enum Kind {
    HTTP_4XX,
    HTTP_5XX,
    TIMEOUT,
    DROPPED,
    EXTRACT_TIMEOUT,
    TOO_DEEP,
    UNREACHABLE,
    REDIRECT_LOOP,
    TOO_LARGE,
    NOT_HTML,
    CHARSET,
    ROBOTS,
    /**
     * robots.txt answered but could not be read (a 5xx, a body that trickles past the read timeout, a broken
     * body): the site is held off until it can be read (RFC 9309), and its pages are failures, not skips.
     */
    ROBOTS_UNAVAILABLE,
    IO,
    PARSE,
    BAD_URL,
    /** The URL's host is an internal address (loopback, private, link-local, ...); see fetch.allow.private. */
    BLOCKED_ADDRESS,
    /** The page was to be loaded in the browser (render=browser) and that failed; the detail says why. */
    RENDER_FAILED,
    /** The page is a consent, cookie or login wall, not the article; see docs/rendering.md for site cookies. */
    CONSENT_WALL;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this is a skip (the page is not for the archive) rather than an error. */
    public boolean isSkip() {
      return this == NOT_HTML || this == ROBOTS;
    }
  }

  public static FetchFailure of(Kind kind, String detail) {
    return new FetchFailure(kind, detail);
  }

  public static FetchFailure forStatus(int status, String url) {
    Kind k = status >= 500 ? Kind.HTTP_5XX : Kind.HTTP_4XX;
    return new FetchFailure(k, "HTTP " + status + " from " + url);
  }
}
