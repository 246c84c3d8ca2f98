/**
 * Turns a fetched HTML page into an {@link dev.newsvault.extract.Article}: charset decoding
 * ({@link dev.newsvault.extract.HtmlDecoder}, UTF-8 through {@link dev.newsvault.extract.Utf8Decoder}),
 * boilerplate removal and body text ({@link dev.newsvault.extract.ArticleExtractor}), and page metadata
 * ({@link dev.newsvault.extract.MetadataExtractor}, from the elements
 * {@link dev.newsvault.extract.PageIndex} finds in one walk of the untouched page). Everything here is stateless or immutable, so one
 * extractor serves all crawler threads.
 *
 * <p>Each signal the extractor decides on has one home; every caller asks it there.
 *
 * <table>
 *   <caption>Signal and the class that owns it</caption>
 *   <tr><th>signal</th><th>home</th></tr>
 *   <tr><td>boilerplate, prose-boilerplate, story-body and weight by class/id name</td>
 *       <td>{@link dev.newsvault.extract.NamePatterns}</td></tr>
 *   <tr><td>tags, roles, hidden elements and landmarks never or probably not the story; "reads as
 *       prose" for a named block; an element inside a sentence; a story-body marker below</td>
 *       <td>{@link dev.newsvault.extract.DomCleaner}</td></tr>
 *   <tr><td>text, link-text and paragraph-text length and link density of an element</td>
 *       <td>{@link dev.newsvault.extract.TextStats}</td></tr>
 *   <tr><td>link density of a rendered block and the "mostly links" threshold</td>
 *       <td>{@link dev.newsvault.extract.Block}</td></tr>
 *   <tr><td>words, sentence and statement endings, sentence punctuation, commas, the comparison
 *       key of a headline or byline</td><td>{@link dev.newsvault.extract.TextShape}</td></tr>
 *   <tr><td>a date line, numeric and written dates, date parsing</td>
 *       <td>{@link dev.newsvault.extract.Dates}</td></tr>
 *   <tr><td>furniture phrases, pointer lines, bylines, credits, link lists, trailing headings</td>
 *       <td>{@link dev.newsvault.extract.BlockFilter}</td></tr>
 *   <tr><td>restating the story (shared four-word runs)</td>
 *       <td>{@link dev.newsvault.extract.Shingles}</td></tr>
 *   <tr><td>candidate scores, the winner, the siblings and chunks that join it</td>
 *       <td>{@link dev.newsvault.extract.ContentLocator}</td></tr>
 *   <tr><td>furniture inside the winner: named carousels and feeds, blocks built of links</td>
 *       <td>{@link dev.newsvault.extract.StoryPruner}</td></tr>
 *   <tr><td>a listing of teasers rather than an article</td>
 *       <td>{@link dev.newsvault.extract.TeaserList}</td></tr>
 *   <tr><td>site-configured include and exclude selectors</td>
 *       <td>{@link dev.newsvault.extract.ExtractionRules}</td></tr>
 *   <tr><td>a kicker above the headline, a meta or teaser line that holds the headline</td>
 *       <td>{@link dev.newsvault.extract.BlockFilter}</td></tr>
 *   <tr><td>the Markdown of the kept blocks (written beside the text by
 *       {@link dev.newsvault.extract.TextRenderer} as each block's {@link dev.newsvault.extract.Markup}, escaped by
 *       {@link dev.newsvault.extract.MarkdownEscape}, links and images chosen by
 *       {@link dev.newsvault.extract.MarkdownImages})</td>
 *       <td>{@link dev.newsvault.extract.MarkdownWriter}</td></tr>
 * </table>
 */
package dev.newsvault.extract;
