package dev.newsvault.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Constant;
import com.github.pemistahl.lingua.internal.Ngram;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
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
 * candidates) are Lingua's own, called through its {@code internal} methods, public in its bytecode.
 */
final class LinguaScores {

  /** A language and Lingua's confidence in it: 1 for the likeliest, less for the others. */
  record Ranked(Language language, double confidence) {}

  /** Lingua's order of confidence values: highest first, ties by language. */
  private static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::confidence).reversed()
      .thenComparing(Ranked::language);

  private static final int UNSET = Integer.MIN_VALUE;

  private final LanguageDetector lingua;

  /** Scores for {@code lingua}'s languages, whose models {@link LinguaModels#install} has installed. */
  LinguaScores(LanguageDetector lingua) {
    if (!lingua.isLowAccuracyModeEnabled$lingua()) {
      throw new IllegalArgumentException("only Lingua's low-accuracy mode (trigrams) is scored here");
    }
    this.lingua = lingua;
  }

  /** Lingua's confidence values for {@code text}, highest first; empty when it has no answer. */
  List<Ranked> confidences(String text) {
    String cleaned = lingua.cleanUpInputText$lingua(text);
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
    float[] sums = sums(TestDataLanguageModel.Companion.fromText(cleaned, 3).getNgrams(), languages);
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
  private static float[] sums(Set<Ngram> ngrams, Language[] languages) {
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
    for (Ngram ngram : ngrams) {
      String value = ngram.getValue();
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
