/**
 * newsvault-spark: the CLI's WARC reading, article extraction, export fields and de-duplication as a Spark job,
 * for corpora larger than one machine turns over. One task per WARC file; the job is a function per record and a
 * small driver, in the manner of cc-pyspark. Nothing in the CLI depends on this package.
 */
package dev.newsvault.spark;
