package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's score (as in {@code shared/bench/score.py}): 4-word shingles over {@code \w+}
 * tokens, tp/fp/fn as multiset overlaps normalised per page, precision and recall averaged over
 * pages, F1 their harmonic mean.
 */
final class ShingleScore {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private double precisionSum;
  private int precisionPages;
  private double recallSum;
  private int recallPages;

  void add(String truth, String predicted) {
    Map<List<String>, Integer> a = shingles(truth);
    Map<List<String>, Integer> b = shingles(predicted);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Map.Entry<List<String>, Integer> e : b.entrySet()) {
      int inTruth = a.getOrDefault(e.getKey(), 0);
      tp += Math.min(inTruth, e.getValue());
      fp += Math.max(0, e.getValue() - inTruth);
    }
    for (Map.Entry<List<String>, Integer> e : a.entrySet()) {
      fn += Math.max(0, e.getValue() - b.getOrDefault(e.getKey(), 0));
    }
    double s = tp + fp + fn;
    if (s == 0) {
      return;
    }
    double ntp = tp / s;
    double nfp = fp / s;
    double nfn = fn / s;
    if (ntp + nfp > 0) {
      precisionSum += fp == 0 && fn == 0 ? 1 : ntp / (ntp + nfp);
      precisionPages++;
    }
    if (ntp + nfn > 0) {
      recallSum += fp == 0 && fn == 0 ? 1 : ntp / (ntp + nfn);
      recallPages++;
    }
  }

  double precision() {
    return precisionPages == 0 ? 0 : precisionSum / precisionPages;
  }

  double recall() {
    return recallPages == 0 ? 0 : recallSum / recallPages;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
      List<String> sh = tokens.subList(i, Math.min(tokens.size(), i + 4));
      if (!sh.isEmpty()) {
        out.merge(List.copyOf(sh), 1, Integer::sum);
      }
    }
    return out;
  }
}
