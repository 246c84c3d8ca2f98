/** A repeatable speed measurement of the article extractor over a directory of saved pages. */
package dev.newsvault.extract.bench;
