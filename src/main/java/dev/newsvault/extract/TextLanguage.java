package dev.newsvault.extract;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * The language of an article's text, detected with Lingua, as an ISO 639-1 code. A page's declared
 * {@code lang} is kept separately: it is often missing, a site-wide default or simply wrong.
 *
 * <p>The detector is built on first use (its models take a moment to load and tens of MB of heap,
 * which a run that never extracts should not pay), in low-accuracy mode (trigrams only: fast, and
 * accurate on the paragraph-length samples it is given), for the languages of the web that have an
 * ISO 639-1 code in Lingua. Only the first {@value #SAMPLE_CHARS} characters of the text are read,
 * cut at a word boundary: Lingua's cost grows with the number of distinct trigrams times the number
 * of candidate languages, so the sample is the one lever on its cost. On the development pages 150
 * characters gave the same answer as 2,000 for every text; 100 differed on one text in eighteen.
 */
public final class TextLanguage {

  /** Characters of text read; enough for a sure answer on prose, cheap enough for every page. */
  static final int SAMPLE_CHARS = 150;

  /** Below this many letters a guess is noise (a caption, a menu): no answer. */
  private static final int MIN_LETTERS = 40;

  /** Languages of the web pages newsvault meets, chosen to bound the models' memory. */
  private static final Language[] LANGUAGES = {
    Language.ARABIC, Language.BENGALI, Language.BULGARIAN, Language.CATALAN, Language.CHINESE,
    Language.CROATIAN, Language.CZECH, Language.DANISH, Language.DUTCH, Language.ENGLISH,
    Language.ESTONIAN, Language.FINNISH, Language.FRENCH, Language.GERMAN, Language.GREEK,
    Language.HEBREW, Language.HINDI, Language.HUNGARIAN, Language.INDONESIAN, Language.ITALIAN,
    Language.JAPANESE, Language.KOREAN, Language.LATVIAN, Language.LITHUANIAN, Language.MALAY,
    Language.NYNORSK, Language.BOKMAL, Language.PERSIAN, Language.POLISH, Language.PORTUGUESE,
    Language.ROMANIAN, Language.RUSSIAN, Language.SERBIAN, Language.SLOVAK, Language.SLOVENE,
    Language.SPANISH, Language.SWEDISH, Language.TAGALOG, Language.THAI, Language.TURKISH,
    Language.UKRAINIAN, Language.URDU, Language.VIETNAMESE
  };

  private TextLanguage() {}

  /** Holder idiom: the detector is built, once, by the first thread that needs it. */
  private static final class Holder {
    static final LanguageDetector DETECTOR =
        LanguageDetectorBuilder.fromLanguages(LANGUAGES).withLowAccuracyMode().build();
  }

  /** The ISO 639-1 code of the text's language ("en", "ja"), or null when the text is too short or unclear. */
  public static String detect(String text) {
    if (text == null || letters(text) < MIN_LETTERS) {
      return null;
    }
    Language language = Holder.DETECTOR.detectLanguageOf(sample(text));
    if (language == Language.UNKNOWN) {
      return null;
    }
    IsoCode639_1 code = language.getIsoCode639_1();
    return code == IsoCode639_1.NONE ? null : code.name().toLowerCase(Locale.ROOT);
  }

  /** The text's first {@value #SAMPLE_CHARS} characters, not ending inside a word (a cut word is a false trigram). */
  static String sample(String text) {
    if (text.length() <= SAMPLE_CHARS) {
      return text;
    }
    int cut = SAMPLE_CHARS;
    while (cut > SAMPLE_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && n < MIN_LETTERS; i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
