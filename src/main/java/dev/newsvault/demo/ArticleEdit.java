package dev.newsvault.demo;

/** The correction {@link DemoSite#editArticle} makes to one article: a sentence reworded and a note appended. */
record ArticleEdit(String path, String oldText, String newText, String note) {

    /** Parses one tab-separated line of {@code _meta/edits.tsv}. */
    static ArticleEdit parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
            throw new IllegalStateException("demo-site/_meta/edits.tsv: expected 4 tab-separated fields, got "
                    + f.length + " in line: " + line);
        }
        return new ArticleEdit(f[0], f[1], f[2], f[3]);
    }
}
