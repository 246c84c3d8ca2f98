package dev.newsvault.config;

/** Which links a crawl follows from a seed. */
public enum Scope {
  /** Only the seed's own host. */
  HOST,
  /** The seed's registered domain and its subdomains. */
  DOMAIN,
  /** Any host (depth and page limits still apply). */
  ANY
}
