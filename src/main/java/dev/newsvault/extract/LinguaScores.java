package dev.newsvault.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Constant;
import com.github.pemistahl.lingua.internal.Ngram;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lingua's confidence values for a text, the same numbers in the same order as its {@code
 * computeLanguageConfidenceValues} in low-accuracy mode, with the n-gram scoring done in one pass.
 *
 * <p>Lingua 1.2.2 adds up each candidate language's log-probabilities in a loop of its own: for each
 * language, each of the text's trigrams is cut into its trigram, bigram and unigram (new strings
 * each) and looked up in that language's model, and the loop runs as a task on the common fork-join
 * pool that the calling thread then waits for. With thirty candidate languages that is thousands of
 * lookups and allocations for a paragraph. Here each trigram and its prefixes are looked up once per
 * alphabet group in the merged {@link NgramTable}s, whose row gives every language's frequency side by
 * side, and the logarithms were taken when the table was built. Each language's sum is still a
 * {@code float} added in the order of Lingua's n-gram set, so the sums, and every confidence value
 * derived from them, are bit for bit Lingua's ({@code LinguaScoresTest} compares them on thousands of
 * texts). The steps around the scoring (clean-up, word split, the rules that decide or narrow the
 * candidates) are Lingua's own, called through its {@code internal} methods, public in its bytecode,
 * with two exceptions that give the same results at a fraction of the cost (and of the code a short
 * run has to compile): the clean-up is done here in one pass, and a text that is left with nothing
 * but the letters a to z and spaces (most English samples) skips the rules, whose answer for such a
 * text is always the same: no language decided, every Latin-alphabet language a candidate. That
 * answer is asked of Lingua once, when the scorer is made; should Lingua ever answer otherwise for
 * a plain Latin word, or count a plain letter as a language's own, every text takes Lingua's path.
 */
final class LinguaScores {

  /** A language and Lingua's confidence in it: 1 for the likeliest, less for the others. */
  record Ranked(Language language, double confidence) {}

  /** Lingua's order of confidence values: highest first, ties by language. */
  private static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::confidence).reversed()
      .thenComparing(Ranked::language);

  private static final int UNSET = Integer.MIN_VALUE;

  private final LanguageDetector lingua;

  /**
   * The candidates Lingua's rules leave for a text of plain Latin words (a to z), which they never decide;
   * null when its rules treat such words otherwise, or leave a single candidate, and every text takes Lingua's
   * path.
   */
  private final Language[] plainLatin;

  /** Scores for {@code lingua}'s languages, whose models {@link LinguaModels#install} has installed. */
  LinguaScores(LanguageDetector lingua) {
    if (!lingua.isLowAccuracyModeEnabled$lingua()) {
      throw new IllegalArgumentException("only Lingua's low-accuracy mode (trigrams) is scored here");
    }
    this.lingua = lingua;
    this.plainLatin = plainLatinCandidates(lingua);
  }

  private static Language[] plainLatinCandidates(LanguageDetector lingua) {
    for (String chars : Constant.INSTANCE.getCHARS_TO_LANGUAGES_MAPPING().keySet()) {
      if (chars.chars().anyMatch(LinguaScores::isPlainLetter)) {
        return null; // a plain letter narrows the candidates: the rules must run
      }
    }
    for (Language language : lingua.getLanguages$lingua()) {
      String unique = language.getUniqueCharacters$lingua();
      if (unique != null && unique.chars().anyMatch(LinguaScores::isPlainLetter)) {
        return null; // a plain letter can decide a language: the rules must run
      }
    }
    for (String word : List.of("a", "the", "abcdefghijklmnopqrstuvwxyz")) {
      if (lingua.detectLanguageWithRules$lingua(List.of(word)) != Language.UNKNOWN) {
        return null;
      }
    }
    Set<Language> candidates = lingua.filterLanguagesByRules$lingua(List.of("a"));
    if (candidates.size() < 2 || !candidates.equals(lingua.filterLanguagesByRules$lingua(List.of("the", "z")))) {
      return null;
    }
    return candidates.toArray(new Language[0]);
  }

  /** Lingua's confidence values for {@code text}, highest first; empty when it has no answer. */
  List<Ranked> confidences(String text) {
    String cleaned = cleanUp(text);
    if (cleaned == null) {
      cleaned = lingua.cleanUpInputText$lingua(text);
    }
    if (plainLatin != null && isPlainLatin(cleaned)) {
      // Lingua's rules name no language and keep every Latin-alphabet one (see plainLatinCandidates).
      return cleaned.length() < 3 ? List.of() : ranked(plainLatin, sums(plainTrigrams(cleaned), plainLatin));
    }
    if (cleaned.isEmpty() || Constant.INSTANCE.getNO_LETTER().matches(cleaned)) {
      return List.of();
    }
    List<String> words = lingua.splitTextIntoWords$lingua(cleaned);
    Language byRules = lingua.detectLanguageWithRules$lingua(words);
    if (byRules != Language.UNKNOWN) {
      return List.of(new Ranked(byRules, 1.0));
    }
    Set<Language> candidates = lingua.filterLanguagesByRules$lingua(words);
    if (candidates.size() == 1) {
      return List.of(new Ranked(candidates.iterator().next(), 1.0));
    }
    if (cleaned.length() < 3) {
      return List.of();
    }
    Language[] languages = candidates.toArray(new Language[0]);
    List<String> ngrams = new ArrayList<>();
    for (Ngram ngram : TestDataLanguageModel.Companion.fromText(cleaned, 3).getNgrams()) {
      ngrams.add(ngram.getValue());
    }
    return ranked(languages, sums(ngrams, languages));
  }

  /**
   * Lingua's clean-up of a text before detection (its {@code cleanUpInputText}): trimmed of white space
   * (Kotlin's sense: Java's white space and space characters), lower-cased, without punctuation ({@code \p{P}})
   * or digits and other numbers ({@code \p{N}}), each run of {@code \s} (ASCII white space) one space. Done in
   * one pass instead of Lingua's three regular-expression replacements; null for a text holding a surrogate
   * pair, whose code points the regular expressions judge whole (Lingua's own clean-up then).
   */
  static String cleanUp(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isKotlinWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isKotlinWhitespace(text.charAt(end - 1))) {
      end--;
    }
    String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean space = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isSurrogate(c)) {
        return null;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = true;
        continue;
      }
      if (isPunctuationOrNumber(c)) {
        continue; // removed before white space is folded: it does not end a run of white space
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (space) {
      out.append(' ');
    }
    return out.toString();
  }

  private static boolean isKotlinWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isPunctuationOrNumber(char c) {
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  private static boolean isPlainLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Whether a cleaned-up text is plain Latin words: the letters a to z, at least one, and single spaces. */
  static boolean isPlainLatin(String cleaned) {
    boolean letter = false;
    for (int i = 0; i < cleaned.length(); i++) {
      char c = cleaned.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letter = true;
      } else if (c != ' ') {
        return false;
      }
    }
    return letter;
  }

  /**
   * The trigrams of a plain Latin text that Lingua scores (its {@code TestDataLanguageModel.fromText}: each
   * three letters in a row, in a hash set filled in text order), in the set's order: a {@link HashSet} of the
   * same strings, added in the same order, iterates them in the same order as Lingua's set of n-grams, which
   * hash as their strings do.
   */
  private static Iterable<String> plainTrigrams(String cleaned) {
    Set<String> trigrams = new HashSet<>();
    for (int i = 0; i + 3 <= cleaned.length(); i++) {
      if (cleaned.charAt(i) != ' ' && cleaned.charAt(i + 1) != ' ' && cleaned.charAt(i + 2) != ' ') {
        trigrams.add(cleaned.substring(i, i + 3));
      }
    }
    return trigrams;
  }

  /** The confidence values of the languages whose sums are given, as Lingua derives them, highest first. */
  private static List<Ranked> ranked(Language[] languages, float[] sums) {
    // Lingua keeps the languages whose sum is below zero (some n-gram known), and divides the
    // highest sum by each: the likeliest language gets 1.
    float highest = 0;
    boolean any = false;
    for (float sum : sums) {
      if (sum < 0.0) {
        if (!any || Float.compare(highest, sum) < 0) {
          highest = sum;
        }
        any = true;
      }
    }
    List<Ranked> ranked = new ArrayList<>(languages.length);
    for (int i = 0; i < languages.length; i++) {
      if (sums[i] < 0.0) {
        ranked.add(new Ranked(languages[i], highest / sums[i]));
      }
    }
    ranked.sort(ORDER);
    return ranked;
  }

  /**
   * The language Lingua's {@code detectLanguageOf} names for these confidence values: the first, unless
   * the second is as likely or closer than the detector's minimum relative distance; UNKNOWN then.
   */
  Language mostLikely(List<Ranked> confidences) {
    if (confidences.isEmpty()) {
      return Language.UNKNOWN;
    }
    Ranked first = confidences.get(0);
    if (confidences.size() == 1) {
      return first.language();
    }
    double second = confidences.get(1).confidence();
    if (Double.valueOf(first.confidence()).equals(second)
        || first.confidence() - second < lingua.getMinimumRelativeDistance$lingua()) {
      return Language.UNKNOWN;
    }
    return first.language();
  }

  /**
   * Each language's sum of the logarithms of its frequencies of the n-grams, each n-gram falling back
   * to its shorter prefixes when the language lacks it, as Lingua adds them: in the set's order, as
   * {@code float}.
   */
  private static float[] sums(Iterable<String> ngrams, Language[] languages) {
    int n = languages.length;
    // The languages' alphabet groups: each group's tables are looked up once per n-gram.
    Map<LinguaModels.Tables[], Integer> groupIds = new IdentityHashMap<>();
    List<LinguaModels.Place> groups = new ArrayList<>();
    int[] group = new int[n];
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      LinguaModels.Place place = LinguaModels.place(languages[i]);
      Integer id = groupIds.get(place.tables());
      if (id == null) {
        id = groups.size();
        groupIds.put(place.tables(), id);
        groups.add(place);
      }
      group[i] = id;
      index[i] = place.index();
    }
    NgramTable[] tables = new NgramTable[groups.size() * 3];
    for (int g = 0; g < groups.size(); g++) {
      for (int length = 1; length <= 3; length++) {
        tables[g * 3 + length - 1] = groups.get(g).table(length);
      }
    }
    int[] rows = new int[tables.length];
    float[] sums = new float[n];
    for (String value : ngrams) {
      int length = value.length();
      if (length < 1 || length > 3) {
        throw new IllegalStateException("Lingua gave a " + length + "-gram to score in low-accuracy mode");
      }
      Arrays.fill(rows, UNSET);
      for (int i = 0; i < n; i++) {
        int base = group[i] * 3;
        for (int k = length; k >= 1; k--) {
          NgramTable table = tables[base + k - 1];
          int row = rows[base + k - 1];
          if (row == UNSET) {
            row = table.row(NgramTable.pack(value, k));
            rows[base + k - 1] = row;
          }
          int at = table.index(row, index[i]);
          if (at >= 0 && table.value(at) > 0) {
            sums[i] += table.log(at);
            break;
          }
        }
      }
    }
    return sums;
  }
}
