/**
 * Seed lists: {@code seeds/*.txt} read into {@link dev.newsvault.seed.Seed}s with their per-line settings
 * (depth, scope, type), URLs normalised the way the crawl normalises links, and bad lines reported with
 * file and line number instead of stopping anything.
 */
package dev.newsvault.seed;
