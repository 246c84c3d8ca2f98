package dev.newsvault.spark;

import java.io.Serializable;

/**
 * Where a payload a revisit may stand for sits in the input: a response record that is an HTML page, under one of
 * the two keys a revisit names it by (its WARC-Record-ID, or its WARC-Payload-Digest). Only the place travels
 * through the join, not the payload: the originals a revisit needs are read again from their files.
 */
record PayloadRef(String key, String file, long offset, long order, String recordId) implements Serializable {

  /** The earlier of two records under the same key, so the choice does not depend on the partitioning. */
  static PayloadRef first(PayloadRef a, PayloadRef b) {
    return a.order <= b.order ? a : b;
  }
}
