/**
 * Corpus export: JSONL, plain text, CSV and WARC writers, the export filters' command-line forms,
 * exact and near-duplicate removal (SimHash), atomic output files and the export run that ties them together.
 * The rows come from {@link dev.newsvault.archive.ExportQuery}; no SQL lives here.
 */
package dev.newsvault.export;
