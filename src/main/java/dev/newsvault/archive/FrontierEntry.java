package dev.newsvault.archive;

/** A URL the crawl discovered, with the seed it came from and its link depth from that seed. */
public record FrontierEntry(String url, String seed, int depth) {}
