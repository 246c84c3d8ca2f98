package dev.newsvault.spark;

import java.io.Serializable;

/**
 * One article version: its first capture, its number, the span of captures of its article, and the kind of edit
 * that made it (null for version 1), as {@code check}, a crawl or {@code import} label it in the archive.
 */
record VersionRow(PageRow page, int version, String firstSeen, String lastSeen, String changeKind)
    implements Serializable {

  long order() {
    return page.order();
  }
}
