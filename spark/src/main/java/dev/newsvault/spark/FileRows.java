package dev.newsvault.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What reading one WARC file gives: its article captures (responses, and revisits resolved in the file), the
 * revisits left for the join across files, and where its HTML payloads are for the revisits of other files.
 */
record FileRows(ArrayList<PageRow> pages, ArrayList<PendingRevisit> revisits, ArrayList<PayloadRef> payloads)
    implements Serializable {

  FileRows() {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
