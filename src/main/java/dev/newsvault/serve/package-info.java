/**
 * {@code newsvault serve}: a read-only web app over the archive, at the top of the flow like {@code cli}. Each
 * page has a JSON twin under {@code /api/...} built from the same model; handlers parse the request, call the
 * read-only query objects of {@code archive} ({@code WebQueries}, {@code SearchQueries}), and render a
 * precompiled jte template (escaped by default). Diffs reuse {@code check}'s word diff. Nothing here writes.
 */
package dev.newsvault.serve;
