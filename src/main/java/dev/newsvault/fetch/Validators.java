package dev.newsvault.fetch;

/** HTTP validators from an earlier capture, sent as If-None-Match / If-Modified-Since. */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return (etag == null || etag.isBlank()) && (lastModified == null || lastModified.isBlank());
  }
}
