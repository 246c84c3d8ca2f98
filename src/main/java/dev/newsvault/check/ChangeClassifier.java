package dev.newsvault.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.VolatileSegments;
import dev.newsvault.archive.Words;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Labels the change between two versions of an article (a pure function of their title, byline and text):
 * {@link ChangeKind} and the words added and removed. Texts are compared without their volatile pieces
 * ({@link VolatileSegments}), paragraph by paragraph first (whole paragraphs added or removed), then word by
 * word within changed paragraphs (numbers only, a one- or two-word spelling fix, or other wording).
 */
public final class ChangeClassifier {

  /** One side of the comparison. */
  public record Revision(String title, List<String> authors, String text) {
    public Revision {
      authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public static Revision of(VersionRecord v) {
      return new Revision(v.title(), v.authors(), v.text());
    }
  }

  /** A notice that opens a paragraph or sentence: "Correction:", "An earlier version of this article …". */
  private static final Pattern CORRECTION = Pattern.compile("(?:^|\\n|[.!?]\\s)\\s*(?:(?:correction|clarification"
      + "|update|editor'?s'? note|korrektur|berichtigung|richtigstellung|anmerkung der redaktion|aktualisierung"
      + "|rectificatif|correctif|mise à jour|note de la rédaction|corrección|fe de erratas|actualización"
      + "|nota del editor|nota de la redacción|correzione|rettifica|aggiornamento|nota della redazione|correção"
      + "|errata|atualização|nota do editor|nota da redação|correctie|rectificatie|noot van de redactie"
      + "|исправление|поправка|訂正|更正)\\s*[:：]"
      + "|an earlier version of this|this (?:article|story|report) (?:has been|was) (?:updated|amended|corrected)"
      + "|in einer früheren version|une version précédente|una versión anterior|una versione precedente"
      + "|uma versão anterior|in een eerdere versie)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\n");

  /** Replaced words count as a typo up to this character edit distance (more for long words). */
  private static final int TYPO_DISTANCE = 2;

  private ChangeClassifier() {}

  /** The label of the change from {@code before} to {@code after}. */
  public static ChangeLabel classify(Revision before, Revision after) {
    String a = WordDiff.normalize(VolatileSegments.strip(before.text()));
    String b = WordDiff.normalize(VolatileSegments.strip(after.text()));
    TextDiff diff = WordDiff.of(a, b);
    ChangeKind kind = textKind(a, b, diff);
    if (!ContentHash.normalize(before.title()).equals(ContentHash.normalize(after.title()))) {
      kind = max(kind, ChangeKind.HEADLINE);
    }
    if (!sameAuthors(before.authors(), after.authors())) {
      kind = max(kind, ChangeKind.BYLINE);
    }
    return new ChangeLabel(kind == null ? ChangeKind.WORDING : kind, diff.wordsAdded(), diff.wordsRemoved());
  }

  private static ChangeKind textKind(String a, String b, TextDiff diff) {
    if (!diff.changed()) {
      return null;
    }
    int before = Words.count(a);
    // more than half of the old words gone, and new words in their place (not just paragraphs cut)
    if (before > 0 && diff.wordsRemoved() * 2 > before && diff.wordsAdded() * 4 > before) {
      return ChangeKind.REWRITE;
    }
    for (TextDiff.Segment s : diff.segments()) {
      if (s.isChange() && CORRECTION.matcher(s.inserted()).find()) {
        return ChangeKind.CORRECTION;
      }
    }
    List<String> pa = paragraphs(a);
    List<String> pb = paragraphs(b);
    ChangeKind kind = null;
    for (AbstractDelta<String> d : DiffUtils.diff(pa, pb).getDeltas()) {
      kind = max(kind, switch (d.getType()) {
        case INSERT -> ChangeKind.PARAGRAPH_ADDED;
        case DELETE -> ChangeKind.PARAGRAPH_REMOVED;
        default -> withinParagraphs(String.join(WordDiff.PARAGRAPH_BREAK, d.getSource().getLines()),
            String.join(WordDiff.PARAGRAPH_BREAK, d.getTarget().getLines()));
      });
    }
    return kind;
  }

  /** The kind of the word-level changes between changed paragraphs. */
  private static ChangeKind withinParagraphs(String a, String b) {
    ChangeKind kind = null;
    for (TextDiff.Segment s : WordDiff.of(a, b).segments()) {
      if (!s.isChange()) {
        continue;
      }
      int removed = Words.count(s.deleted());
      int added = Words.count(s.inserted());
      ChangeKind k;
      if (removed == 0 && s.inserted().contains(WordDiff.PARAGRAPH_BREAK) && added > 0) {
        k = ChangeKind.PARAGRAPH_ADDED;
      } else if (added == 0 && s.deleted().contains(WordDiff.PARAGRAPH_BREAK) && removed > 0) {
        k = ChangeKind.PARAGRAPH_REMOVED;
      } else if (added + removed == 0) {
        continue; // punctuation or spacing only
      } else if (onlyNumbers(s.deleted()) && onlyNumbers(s.inserted())) {
        k = ChangeKind.NUMBER;
      } else if (removed <= 2 && removed == added && misspelt(s.deleted(), s.inserted())) {
        k = ChangeKind.TYPO;
      } else {
        k = ChangeKind.WORDING;
      }
      kind = max(kind, k);
    }
    return kind == null ? ChangeKind.TYPO : kind;
  }

  /** Whether every word of {@code s} is a number (digits, possibly with a unit stuck to it like 4pm or 12%). */
  static boolean onlyNumbers(String s) {
    boolean any = false;
    for (String w : s.split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (w.chars().noneMatch(Character::isDigit)) {
        return false;
      }
      any = true;
    }
    return any || Words.count(s) == 0;
  }

  /** Whether each word of {@code b} is a small edit of the word of {@code a} in its place. */
  private static boolean misspelt(String a, String b) {
    String[] x = a.strip().split("\\s+");
    String[] y = b.strip().split("\\s+");
    if (x.length != y.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (distance(x[i], y[i]) > Math.max(TYPO_DISTANCE, x[i].length() / 5)) {
        return false;
      }
    }
    return true;
  }

  /** Levenshtein distance; the strings are one or two words long. */
  static int distance(String x, String y) {
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }

  private static List<String> paragraphs(String normalized) {
    return normalized.isEmpty() ? List.of() : Arrays.asList(PARAGRAPHS.split(normalized));
  }

  private static boolean sameAuthors(List<String> a, List<String> b) {
    return Objects.equals(a.stream().map(ContentHash::normalize).toList(),
        b.stream().map(ContentHash::normalize).toList());
  }

  private static ChangeKind max(ChangeKind a, ChangeKind b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
