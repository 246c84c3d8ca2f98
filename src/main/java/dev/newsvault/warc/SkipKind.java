package dev.newsvault.warc;

/** Why a capture record of a WARC file was not imported; each kind is counted and reported. */
public enum SkipKind {
  NOT_HTML("not HTML", "the record holds another media type (images, scripts, feeds, DNS, ...)"),
  HTTP_STATUS("not a 2xx response", "redirects and errors hold no article"),
  TRUNCATED("truncated (WARC-Truncated)", "the crawler cut the payload short; a partial page would be a wrong version"),
  TOO_LARGE("larger than max.page.bytes", "raise max.page.bytes to import it"),
  MALFORMED("malformed", "the record or its HTTP message could not be parsed; the reader moved on to the next record"),
  DUPLICATE("duplicate", "a record with the same WARC-Record-ID is in the archive already"),
  UNRESOLVED_REVISIT("revisit of an unknown record", "import the WARC file holding the original response first,"
      + " then this one again");

  private final String label;
  private final String why;

  SkipKind(String label, String why) {
    this.label = label;
    this.why = why;
  }

  public String label() {
    return label;
  }

  /** What it means and what to do, for the summary. */
  public String why() {
    return why;
  }
}
