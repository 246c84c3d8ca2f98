/** Seed lists: reading {@code seeds/*.txt} into seeds with per-line settings, reporting bad lines. */
package dev.newsvault.seed;
