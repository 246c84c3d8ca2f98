package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops rendered blocks that are boilerplate by their text or shape: link lists, "Leave a comment",
 * copyright and subscribe lines, share prompts, category and tag lines, bylines and the headline
 * repeated in the body, and trailing headings that introduce nothing.
 */
final class BlockFilter {

  /** Short lines that are page furniture whatever the site. Matched against the whole block. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)^\\W*("
              + "leave a (comment|reply)|\\d* ?comments?|no comments.*|post a comment|add comment|"
              + "share( this( article| story| post)?)?( on \\w+)?|tweet|email|print|pin it|"
              + "advertisement|advertising|advert|sponsored( content)?|ad|tags|"
              + "read more|read next|more|see also|related( articles| stories| posts| content)?|"
              + "you may also like|recommended( for you)?|most popular|trending( now)?|"
              + "back to top|top|skip to (main )?content|"
              + "categorized in:?|categories:?|filed under:?.*|tags?:.*|topics?:.*|posted in:?.*|"
              + "subscribe.*|sign up.*|enter your e-?mail.*|your e-?mail( address)?:?|"
              + "follow us.*|like us on facebook.*|"
              + "(photo|image|picture)( credit)?:.*|click here.*|(image|photo|slide|picture) \\d+ (of|/) \\d+|"
              + "loading\\W*|close|menu|search|next|previous|prev|continue reading.*"
              + ")\\W*$");

  /** Lines that are furniture wherever they appear, if short. */
  private static final Pattern FURNITURE_ANYWHERE =
      Pattern.compile(
          "(?i)(copyright\\s*(©|\\(c\\)|\\d{4})|©\\s*\\d{4}|all rights reserved|"
              + "no comments on |cookies? (policy|settings)|we use cookies|"
              + "this (site|website) uses cookies|subscribe to (our|the) newsletter|"
              + "sign up for (our|the) newsletter|enter your e-?mail address|"
              + "is a registered trademark|share (this|it) with (a|your) friends?|"
              + "requires javascript|enable javascript|javascript (is )?disabled|"
              + "\\b(tags|categor(y|ia|ie|ies|ias)|filed under|publicado por|posted by|posted in)\\s*:)");

  /** WordPress shortcodes that a theme failed to render, e.g. {@code [button link=…]…[/button]}. */
  private static final Pattern SHORTCODE = Pattern.compile("^\\[\\w+[^\\]]*\\].*\\[/\\w+\\]$");

  /** Prefixes of lines that point elsewhere: "Related: …", "Read more: …". */
  private static final Pattern POINTER =
      Pattern.compile(
          "(?i)^\\W*(read more|related|see also|also read|read also|more|watch|listen|recommended|"
              + "most read|don't miss|leia também|veja também|lea también|lesen sie auch|à lire aussi)\\s*[:|»>-].*");

  private static final Pattern BYLINE =
      Pattern.compile("(?i)^(by|written by|posted by|von|par|por)\\s+\\p{Lu}.{0,80}$");

  /** A numeric date such as 05/10/2018 or 2018-10-05. */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("\\b(\\d{1,2}[/.-]\\d{1,2}[/.-](19|20)?\\d{2}|(19|20)\\d{2}[/.-]\\d{1,2}[/.-]\\d{1,2})\\b");

  /** A written date: a month name (several languages), a day number and a year, or a time. */
  private static final Pattern WRITTEN_DATE =
      Pattern.compile(
          "(?iu)(?=.*\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
              + "june|july|august|september|october|november|december|janeiro|fevereiro|março|abril|maio|"
              + "junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|"
              + "julio|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|"
              + "dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
              + "décembre)\\b\\.?)(?=.*\\b(19|20)\\d{2}\\b)(?=.*(\\b([1-9]|[12]\\d|3[01])(st|nd|rd|th)?\\b|\\d:\\d\\d)).*");

  private BlockFilter() {}

  static List<Block> filter(List<Block> blocks, List<String> headlines) {
    Set<String> titles = new HashSet<>();
    for (String h : headlines) {
      titles.add(normalize(h));
    }
    Set<Integer> linkLists = linkLists(blocks);
    List<Block> kept = new ArrayList<>();
    for (Block b : blocks) {
      if (b.list() != 0 && linkLists.contains(b.list())) {
        continue;
      }
      if (keep(b, titles)) {
        kept.add(b);
      }
    }
    trimTrailingHeadings(kept);
    return kept;
  }

  private static boolean keep(Block b, Set<String> titles) {
    String text = b.text();
    int words = b.words();
    if (b.letters() == 0) {
      return false;
    }
    if (b.kind() == Block.Kind.HEADING && titles.contains(normalize(text))) {
      return false;
    }
    double ld = b.linkDensity();
    if (ld > 0.5 && (words < 40 || b.kind() == Block.Kind.LIST_ITEM) && !isLinkedSentence(b)) {
      return false;
    }
    if (words <= 30 && b.linkChars() > 0 && POINTER.matcher(text).matches()) {
      return false;
    }
    if (words <= 12 && FURNITURE.matcher(text).matches()) {
      return false;
    }
    if (words <= 40 && FURNITURE_ANYWHERE.matcher(text).find()) {
      return false;
    }
    if (words <= 12 && BYLINE.matcher(text).matches()) {
      return false;
    }
    if (SHORTCODE.matcher(text).matches()) {
      return false;
    }
    if (words <= 10 && isDateLine(text)) {
      return false;
    }
    return true;
  }

  /**
   * A paragraph of the story can be mostly link text ("<a>Name</a> has been eliminated from
   * <a>Show</a>."): it is a sentence, with words of its own between the links.
   */
  private static boolean isLinkedSentence(Block b) {
    if (b.kind() != Block.Kind.PARAGRAPH || !b.endsSentence() || b.linkDensity() > 0.9) {
      return false;
    }
    return b.letters() - b.linkChars() >= 15;
  }

  /** Lists in which every item carries a link and links are much of the text: related stories, menus. */
  private static Set<Integer> linkLists(List<Block> blocks) {
    java.util.Map<Integer, int[]> byList = new java.util.HashMap<>();
    for (Block b : blocks) {
      if (b.list() == 0) {
        continue;
      }
      int[] v = byList.computeIfAbsent(b.list(), k -> new int[4]);
      v[0]++;
      if (b.linkChars() > 0) {
        v[1]++;
      }
      v[2] += b.linkChars();
      v[3] += b.letters();
    }
    Set<Integer> out = new HashSet<>();
    byList.forEach((id, v) -> {
      if (v[0] >= 2 && v[1] == v[0] && v[3] > 0 && v[2] * 10 >= v[3] * 3) {
        out.add(id);
      }
    });
    return out;
  }

  /** A short line that states a date (a dateline or "updated" stamp), not a sentence of the story. */
  private static boolean isDateLine(String text) {
    if (text.endsWith(".") && !text.matches("(?s).*\\d\\s*[ap]\\.m\\.$")) {
      return false;
    }
    return NUMERIC_DATE.matcher(text).find() || WRITTEN_DATE.matcher(text).matches();
  }

  private static void trimTrailingHeadings(List<Block> kept) {
    while (!kept.isEmpty()) {
      Block last = kept.get(kept.size() - 1);
      if (last.kind() == Block.Kind.HEADING || (last.words() <= 4 && !last.text().matches(".*[.!?\"”]$"))) {
        kept.remove(kept.size() - 1);
      } else {
        break;
      }
    }
  }

  static String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
