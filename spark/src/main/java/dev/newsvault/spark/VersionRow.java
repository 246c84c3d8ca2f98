package dev.newsvault.spark;

import java.io.Serializable;

/** One article version: its first capture, its number, and the span of captures of its article. */
record VersionRow(PageRow page, int version, String firstSeen, String lastSeen) implements Serializable {

  long order() {
    return page.order();
  }
}
