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

  /**
   * Words that point to other pages: a line of nothing else is furniture, and a linked line opening
   * with one ("Related: …") points elsewhere. One list for both patterns below.
   */
  private static final String POINTER_WORDS = "read more|related|see also|more|recommended";

  /** Short lines that are page furniture whatever the site. Matched against the whole block. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)^\\W*("
              + "leave a (comment|reply)|\\d* ?comments?|no comments.*|post a comment|add comment|"
              + "share( this( article| story| post)?)?( on \\w+)?|tweet|email|print|pin it|"
              + "advertisement|advertising|advert|sponsored( content)?|ad|tags|"
              // the label of an ad slot, in the languages of the pages we meet: a line of it alone is never
              // story, whatever the slot's class name says (or no longer says after a redeploy)
              + "anzeige|werbung|annons|annonse|annonce|publicité|publicidad|publicidade|pubblicità|reklama|reklame|"
              + "advertentie|mainos|реклама|"
              + POINTER_WORDS + "|read next|related( articles| stories| posts| content)|"
              + "you may also like|recommended for you|most popular|trending( now)?|"
              + "back to top|top|skip to (main )?content|"
              + "categorized in:?|categories:?|filed under:?.*|tags?:.*|topics?:.*|posted in:?.*|"
              + "subscribe.*|sign up.*|enter your e-?mail.*|your e-?mail( address)?:?|"
              + "follow us.*|like us on facebook.*|"
              + "(photo|image|picture)( credit)?:.*|click here.*|(image|photo|slide|picture) \\d+ (of|/) \\d+|"
              + "loading\\W*|close|menu|search|next|previous|prev|continue reading.*|text size|font size|"
              + "(\\d+\\s*)?min(ute)?s? read|(reading time|tempo de leitura|tiempo de lectura|lesezeit|"
              + "temps de lecture)\\s*:?.*|((last )?updated( at| on)?|(zuletzt )?aktualisiert( am|\\s*:)|ver[öÖ]ffentlicht am|"
              + "actualizado el|publicado el|mis [àÀ] jour le|aggiornato il|pubblicato il|ultima modifica)"
              + "\\s*:?\\s*[\\d\\p{L}.,: ]{0,40}\\d[\\d\\p{L}.,: ]{0,40}|"
              // a label over links to other pages, in the languages of the pages we meet
              + "explore further|further reading|(zum )?weiterlesen|lesen sie auch( die folgenden beitr[äÄ]ge)?|"
              + "[äÄ]hnliche (themen|artikel|beitr[äÄ]ge)|mehr zum thema.*|das könnte sie auch interessieren|auch interessant|"
              + "artikel und videos zum thema|([àÀ] )?lire aussi|lea también|leer más|leggi anche|zobacz również|czytaj także|"
              + "(weitere )?(infos|informationen) (unter|auf|bei) \\S+|more info(rmation)? (at|on) \\S+"
              + ")\\W*$");

  /**
   * Phrases that make a short line furniture wherever they appear in it, each with a literal that
   * every match of it contains: a line holding none of the literals is passed over without running the
   * search, as most lines are. A phrase starts a word (see {@link #FURNITURE_ANYWHERE}).
   */
  static final String[][] ANYWHERE_PHRASES = {
    {"copyright", "copyright\\s*(©|\\(c\\)|\\d{4})"},
    {"©", "©\\s*\\d{4}"},
    {"all rights reserved", "all rights reserved"},
    {"no comments on ", "no comments on "},
    {"cookie", "cookies? (policy|settings)|we use cookies|this (site|website) uses cookies"},
    {"mail address", "enter your e-?mail address"},
    {"registered trademark", "is a registered trademark"},
    {"click here ", "click here (for|to)"},
    {"reporting by", "^(additional )?reporting by\\b"},
    {"editing by", "\\bediting by\\b"},
    {"contributed ", "contributed (reporting )?to this (report|story|article)"},
    {"modera", "(comments?|comentários?|comentarios?|kommentare?|commentaires?)\\b.*\\bmodera|"
        + "\\bmoderat\\w* .*\\bcomments?\\b"},
    {"follow ", "follow (him|her|them|us|me) on (twitter|facebook|instagram|x\\b)"},
    {"photo", "\\bphotos?\\s*(©|\\(c\\)|credit)"},
    {"image", "\\bimages?\\s*(©|\\(c\\)|credit)"},
    {"foto", "\\bfotos?\\s*(©|\\(c\\)|credit)"},
    {"picture", "\\bpictures?\\s*(©|\\(c\\)|credit)"},
    {"friend", "share (this|it) with (a|your) friends?"},
    {"javascript", "requires javascript|enable javascript|javascript (is )?disabled"},
    {"tags", "\\btags\\s*:"},
    {"categor", "\\bcategor(y|ia|ie|ies|ias)\\s*:"},
    {"filed under", "\\bfiled under\\s*:"},
    {"publicado por", "\\bpublicado por\\s*:"},
    {"posted ", "\\bposted (by|in)\\s*:"},
    // reader prompts around a story, in the languages of the pages we meet: log in to comment, rate it, share it
    {"captcha", "captcha"},
    {"netiquette", "netiquette"},
    {"eingeloggt", "eingeloggt sein"},
    {"logged in", "logged in to (comment|post|reply)"},
    {"artikel", "(war|ist) (der|dieser) artikel (hilfreich|nützlich)|möchten sie (den|diesen) artikel teilen"},
    {"helpful", "(was|is) this (article|post|page) helpful"},
    // affiliate and sponsorship disclosures
    {"affiliate", "affiliate[- ]?links?"},
    {"advertisers", "products from one or more of our advertisers"},
    {"compensation", "(may|might) (receive|earn) (a )?compensation"},
    {"commission", "(may|might) (receive|earn) (a )?(small )?commission"},
    {"disclosure", "(advertiser|affiliate) disclosure"},
    {"provision", "(eine|erhält|erhalten) (eine )?provision"},
    // a short block pitching the site's newsletter is never story, whatever it is called
    {"newsletter", "newsletter"},
  };

  /**
   * Lines that are furniture wherever they appear, if short. A phrase starts a word: the look-behind
   * lets the matcher skip every position inside a word at once instead of trying each alternative
   * there.
   */
  static final Pattern FURNITURE_ANYWHERE =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}])("
              + java.util.Arrays.stream(ANYWHERE_PHRASES).map(p -> p[1]).collect(java.util.stream.Collectors.joining("|"))
              + ")");

  /** True when the text has one of the phrases of {@link #ANYWHERE_PHRASES}. */
  static boolean hasFurniturePhrase(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String[] phrase : ANYWHERE_PHRASES) {
      if (lower.contains(phrase[0])) {
        return FURNITURE_ANYWHERE.matcher(text).find();
      }
    }
    return false;
  }

  /** A caption or credit label opening the line: "Titelbild: …", "Foto: …", "Abbildung 2: …". */
  private static final Pattern CAPTION_LABEL =
      Pattern.compile("(?i)(foto|fotos|bild|bilder|titelbild|beitragsbild|headerbild|abbildung|abb\\.|grafik|"
          + "illustration|imagen|immagine|légende|crédit photo|crédits photo|zdjęcie)\\s*\\d*\\s*:");

  /** Characters before a caption label's colon at most ("crédits photo 12:"). */
  private static final int CAPTION_LABEL_CHARS = 20;

  /** A caption or credit line: ends with "(Photo: …)" or "(Image credit: …)". */
  private static final Pattern CREDIT_SUFFIX =
      Pattern.compile("(?i).*\\((photo|image|picture|foto|credit)[^()]{0,80}\\)\\W*$");

  /** A block that opens with a bare URL: image metadata or a pasted link, not prose. */
  private static final Pattern BARE_URL = Pattern.compile("^https?://\\S+(\\s+\\S+){0,60}$");

  /** WordPress shortcodes that a theme failed to render, e.g. {@code [button link=…]…[/button]}. */
  private static final Pattern SHORTCODE = Pattern.compile("^\\[\\w+[^\\]]*\\].*\\[/\\w+\\]$");

  /** Prefixes of lines that point elsewhere: "Related: …", "Read more: …". */
  private static final Pattern POINTER =
      Pattern.compile(
          "(?i)^\\W*(" + POINTER_WORDS + "|also read|read also|watch|listen|"
              + "most read|don't miss|leia também|veja também|lea también|lesen sie auch|à lire aussi)\\s*[:|»>-].*");

  private static final Pattern BYLINE =
      Pattern.compile("^(?i:by|written by|posted by|von|par|por)\\s+\\p{Lu}.{0,150}$");

  /** Non-link characters from which a list item says something besides its link. */
  private static final int OWN_TEXT_PER_ITEM = 15;

  private BlockFilter() {}

  static List<Block> filter(List<Block> blocks, List<String> headlines) {
    return filter(blocks, headlines, List.of());
  }

  /**
   * Keeps the blocks that read as the story. Headlines are dropped as headings; author names are
   * dropped as lines of their own ("Jane Doe", "By Jane Doe"), the byline repeated in the body.
   */
  static List<Block> filter(List<Block> blocks, List<String> headlines, List<String> authors) {
    List<Headline> heads = headlines.stream().map(h -> new Headline(TextShape.key(h), TextShape.words(h))).toList();
    Set<String> titles = new HashSet<>();
    for (Headline h : heads) {
      titles.add(h.key());
    }
    Set<String> bylines = new HashSet<>();
    for (String a : authors) {
      String n = TextShape.key(a);
      if (n.length() >= 4) {
        bylines.add(n);
        bylines.add("by" + n);
      }
    }
    Set<Integer> linkLists = linkLists(blocks);
    String[] keys = new String[blocks.size()];
    int headline = headlineIndex(blocks, titles, keys);
    List<Block> kept = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.list() != 0 && linkLists.contains(b.list())) {
        continue;
      }
      if (i < headline && isKicker(blocks, i, headline) || holdsHeadline(blocks, heads, keys, i)) {
        continue;
      }
      if (b.words() <= 8 && bylines.contains(key(blocks, keys, i))) {
        continue;
      }
      if (keep(b, titles, blocks, keys, i)
          || isLinkedSectionHeading(b, i + 1 < blocks.size() ? blocks.get(i + 1) : null, titles, blocks, keys, i)) {
        kept.add(b);
      }
    }
    trimTrailingHeadings(kept);
    return kept;
  }

  /** Words a line may have besides the headline and still be a line about the story rather than of it. */
  private static final int TITLE_LINE_EXTRA = 10;

  /** Headlines shorter than this (in letters and digits) are too short to be recognised inside a line. */
  private static final int MIN_HEADLINE_KEY = 16;

  /** A headline's comparison key and its words. */
  private record Headline(String key, int words) {}

  /** The comparison key of block {@code i}'s text, worked out once: several checks ask it of short blocks. */
  private static String key(List<Block> blocks, String[] keys, int i) {
    String k = keys[i];
    if (k == null) {
      k = TextShape.key(blocks.get(i).text());
      keys[i] = k;
    }
    return k;
  }

  /** The first block that is the headline itself, or -1. */
  private static int headlineIndex(List<Block> blocks, Set<String> titles, String[] keys) {
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.words() <= 40 && titles.contains(key(blocks, keys, i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A kicker: a label of a few words without a sentence's end, in the run of such labels directly above the
   * headline ("Science", "Exclusive", "Analyse"). Text above the headline that says something (an intro, a
   * summary) is longer and stays.
   */
  private static boolean isKicker(List<Block> blocks, int i, int headline) {
    for (int k = i; k < headline; k++) {
      Block b = blocks.get(k);
      if (b.words() > 3 || TextShape.endsSentence(b.text()) || b.kind() == Block.Kind.LIST_ITEM
          || b.kind() == Block.Kind.CELL) {
        return false;
      }
    }
    return true;
  }

  /**
   * A teaser or meta line that holds the whole headline and little else ("Science, Space · 4 comments on
   * <headline>", "Read: <headline>"): it is about the story, not part of it. The headline is the one the page
   * declares, so the line is recognised in any language and whatever its markup.
   */
  private static boolean holdsHeadline(List<Block> blocks, List<Headline> headlines, String[] keys, int i) {
    Block b = blocks.get(i);
    // A heading that holds the headline is the story's own section ("<headline>: what it costs"), a sentence
    // that does is its lead (a headline cut from the first sentence).
    if (headlines.isEmpty() || b.kind() == Block.Kind.HEADING || b.endsSentence()) {
      return false;
    }
    String key = null;
    for (Headline h : headlines) {
      String hk = h.key();
      if (hk.length() < MIN_HEADLINE_KEY || b.words() > h.words() + TITLE_LINE_EXTRA) {
        continue;
      }
      key = key == null ? key(blocks, keys, i) : key;
      if (key.length() > hk.length() && key.contains(hk)) {
        return true;
      }
    }
    return false;
  }

  /** Block {@code i}, or a copy of it with the same text, judged as story text or not. */
  private static boolean keep(Block b, Set<String> titles, List<Block> blocks, String[] keys, int i) {
    String text = b.text();
    int words = b.words();
    if (b.letters() == 0) {
      return false;
    }
    // The headline is not part of the text, whether marked up as a heading or as a styled div.
    if (words <= 40 && titles.contains(key(blocks, keys, i))) {
      return false;
    }
    double ld = b.linkDensity();
    // An item of a list that is not a link list (see linkLists) is judged with its list.
    if (ld > Block.MOSTLY_LINKS && b.list() == 0 && !isLinkedSentence(b)) {
      return false;
    }
    if (words <= 30 && b.linkChars() > 0 && POINTER.matcher(text).matches()) {
      return false;
    }
    if (words <= 12 && FURNITURE.matcher(text).matches()) {
      return false;
    }
    if (words <= 40 && hasFurniturePhrase(text)) {
      return false;
    }
    int colon = text.indexOf(':');
    if (words <= 40 && colon > 0 && colon <= CAPTION_LABEL_CHARS && CAPTION_LABEL.matcher(text).lookingAt()) {
      return false;
    }
    if (words <= 20 && BYLINE.matcher(text).matches() && (!text.endsWith(".") || text.endsWith(".m."))) {
      return false;
    }
    if (!TextShape.hasLetterOrDigit(text)) {
      return false;
    }
    if (words <= 60 && text.indexOf('(') >= 0 && CREDIT_SUFFIX.matcher(text).matches()) {
      return false;
    }
    if (BARE_URL.matcher(text).matches()) {
      return false;
    }
    if (SHORTCODE.matcher(text).matches()) {
      return false;
    }
    if (words <= 10 && Dates.isDateLine(text)) {
      return false;
    }
    return true;
  }

  /** Words of plain prose under a linked heading from which it opens a section rather than a teaser. */
  private static final int SECTION_PARAGRAPH_WORDS = 40;

  /**
   * A section heading written as a link (to itself, as documentation, wikis and long reads do, or to the
   * section's subject) opens a section of the story when a long paragraph of plain prose follows it. A linked
   * title over a teaser's summary fails on the summary's length.
   */
  private static boolean isLinkedSectionHeading(Block b, Block next, Set<String> titles, List<Block> blocks,
      String[] keys, int i) {
    if (b.kind() != Block.Kind.HEADING || next == null || b.words() > 12 || b.linkDensity() <= Block.MOSTLY_LINKS) {
      return false;
    }
    if (next.kind() != Block.Kind.PARAGRAPH || next.words() < SECTION_PARAGRAPH_WORDS || next.linkDensity() >= 0.3
        || !next.endsSentence()) {
      return false;
    }
    return keep(new Block(b.text(), 0, b.kind(), b.letters(), b.list(), b.words(), b.markup()), titles, blocks, keys,
        i);
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

  /**
   * Lists in which every item carries a link and at least half of the items say nothing besides
   * it: related stories, menus, tag lists. An item says something when it has text of its own
   * (references give their sources and dates, changelogs describe the fix); after the story's last
   * paragraph, where "more stories" lists sit, it must also read as a sentence. Judged per item, by
   * shape, so it works in any language.
   */
  private static Set<Integer> linkLists(List<Block> blocks) {
    int lastProse = -1;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean paragraph = b.list() == 0 && b.kind() == Block.Kind.PARAGRAPH && b.linkDensity() < Block.MOSTLY_LINKS;
      // A story written as lists ends with its last linkless sentence, in a list or not.
      boolean sentenceItem = b.kind() == Block.Kind.LIST_ITEM && b.linkChars() == 0 && b.endsSentence();
      if ((paragraph || sentenceItem) && b.words() >= 10) {
        lastProse = i;
      }
    }
    java.util.Map<Integer, int[]> byList = new java.util.HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.list() == 0) {
        continue;
      }
      int[] v = byList.computeIfAbsent(b.list(), k -> new int[5]);
      v[0]++;
      if (b.linkChars() > 0) {
        v[1]++;
      }
      v[2] += b.linkChars();
      v[3] += b.letters();
      boolean saysSomething = b.letters() - b.linkChars() >= OWN_TEXT_PER_ITEM
          && (i < lastProse || b.endsSentence());
      if (!saysSomething) {
        v[4]++;
      }
    }
    Set<Integer> out = new HashSet<>();
    byList.forEach((id, v) -> {
      if (v[0] >= 2 && v[1] == v[0] && v[3] > 0 && v[2] * 10 >= v[3] * 3 && v[4] * 2 >= v[0]) {
        out.add(id);
      }
    });
    return out;
  }

  private static void trimTrailingHeadings(List<Block> kept) {
    while (!kept.isEmpty()) {
      Block last = kept.get(kept.size() - 1);
      if (last.kind() == Block.Kind.HEADING || (last.words() <= 4 && !TextShape.endsStatement(last.text()))) {
        kept.remove(kept.size() - 1);
      } else {
        break;
      }
    }
  }
}
