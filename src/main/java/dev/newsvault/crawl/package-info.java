/** The link-following crawl: crawler4j driven with a jsoup parser, per-host politeness, scope and resume. */
package dev.newsvault.crawl;
