package dev.newsvault.export;

import dev.newsvault.archive.SimHash;

/** A set of longs in one open-addressing array (16 bytes an entry at most), for per-article bookkeeping. */
final class LongHashSet {

  private static final long EMPTY = 0;
  private long[] slots = new long[1024];
  private int size;
  private boolean hasZero;

  /** Adds {@code v}; returns false when it was already there. */
  boolean add(long v) {
    if (v == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = (int) SimHash.mix(v) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == EMPTY) {
        slots[i] = v;
        size++;
        return true;
      }
      if (slots[i] == v) {
        return false;
      }
    }
  }

  boolean contains(long v) {
    if (v == EMPTY) {
      return hasZero;
    }
    int mask = slots.length - 1;
    for (int i = (int) SimHash.mix(v) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == EMPTY) {
        return false;
      }
      if (slots[i] == v) {
        return true;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }
}
