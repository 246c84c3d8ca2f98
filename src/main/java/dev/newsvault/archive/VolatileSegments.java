package dev.newsvault.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of an article's text that change on every visit without the story changing: counts of
 * comments, likes, shares, replies, views and reactions, relative times ("5 minutes ago", "vor 5 Minuten"),
 * reading times and the page's "Updated 10:42" stamp, in English, German, French, Spanish, Italian,
 * Portuguese, Dutch, Russian, Japanese and Chinese.
 *
 * <p>The decision is by the shape of a segment, not by its markup and not by its numbers alone: each line is
 * cut at list separators ({@code · | • / –}) and a piece is volatile only when the whole piece is made of
 * counter phrases (a number with a counter word, a relative time, a reading time, an "Updated" stamp). So
 * "Updated 5 minutes ago · 260 comments" and the attribution line of an embedded post
 * ("— Harbour Watch (@hw) 3 March 2026 · 6.5K likes · 441 replies") lose their counts, while "12 people were
 * hurt" or "the video has 2 million views" stay text, and a changed number there is an edit. The fallback
 * text of social embeds (Twitter/X, Instagram, Facebook, TikTok, YouTube, Bluesky, Mastodon) is matched by
 * the phrases those embeds print ("Read 441 replies", "Liked by anna and 3,512 others", "6.5K people are
 * talking about this"). A bare number or icon with a number next to a counter ({@code ♥ 6.5K · 441 replies})
 * goes with it.
 */
public final class VolatileSegments {

  // atomic: a number is read one way only, so a piece that is no counter fails fast instead of backtracking
  private static final String NUM = "(?>(?:\\d{1,3}(?:[.,' ]\\d{3})+|\\d+)(?:[.,]\\d+)?)"
      + "(?:\\s?(?:k|m|b|mil|mio\\.?|mln|mrd|tsd\\.?|тыс\\.?|млн|万|千|萬|億|亿))?\\+?";

  private static final String COUNT_WORDS = String.join("|",
      // en
      "comments?", "likes?", "shares?", "repl(?:y|ies)", "views?", "reactions?", "retweets?", "reposts?",
      "quote tweets?", "quotes?", "bookmarks?", "favou?rites?", "boosts?", "followers?", "plays?", "loves?",
      "hearts?", "votes?", "upvotes?", "responses?", "claps?", "saves?", "reads?", "listens?",
      "people watching", "watching now", "readers? now",
      // de
      "kommentaren?", "kommentare?", "gefällt[- ]mir(?:-angaben?)?", "mal geteilt", "geteilt", "antworten",
      "antwort", "aufrufe", "ansichten", "reaktionen", "reaktion", "abonnenten", "wiedergaben",
      "mal angesehen", "stimmen",
      // fr
      "commentaires?", "mentions? j'aime", "j'aime", "partages?", "réponses?", "vues?", "réactions?",
      "abonnés", "lectures",
      // es
      "comentarios?", "me gusta", "veces compartido", "compartidos", "respuestas?", "vistas",
      "visualizaciones", "reproducciones", "reacciones", "seguidores", "votos",
      // it
      "commenti", "commento", "mi piace", "condivisioni", "condivisione", "risposte", "risposta",
      "visualizzazioni", "reazioni", "voti",
      // pt
      "comentários?", "respostas?", "curtidas?", "gostos?", "compartilhamentos?", "partilhas?", "visualizações",
      "reações", "reacções",
      // nl
      "reacties?", "vind-ik-leuks?", "keer gedeeld", "gedeeld", "weergaven", "keer bekeken", "volgers",
      // ru
      "комментари(?:й|я|ев)", "лайк(?:а|ов)?", "репост(?:а|ов)?", "просмотр(?:а|ов)?", "ответ(?:а|ов)?",
      "реакци(?:я|и|й)", "подписчик(?:а|ов)?",
      // ja
      "件のコメント", "コメント", "件のいいね", "いいね", "シェア", "返信", "回視聴", "視聴", "回再生", "再生",
      "リツイート", "リポスト",
      // zh
      "条评论", "條評論", "评论", "評論", "点赞", "點讚", "个赞", "個讚", "赞", "讚", "次转发", "转发", "轉發",
      "分享", "回复", "回覆", "次观看", "次觀看", "观看", "觀看", "次浏览", "浏览", "瀏覽", "阅读", "閱讀",
      "次播放", "播放");

  private static final String COUNTER = "(?:" + NUM + "\\s*(?:[条條個个件次回人])?\\s*(?:" + COUNT_WORDS + "))"
      + "|(?:(?:" + COUNT_WORDS + ")\\s*[:：(]?\\s*" + NUM + "\\s*件?\\)?)";

  private static final String RELATIVE_TIME = String.join("|",
      "(?:about |almost |over |nearly )?(?:\\d+|an?|one)\\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?"
          + "|weeks?|months?|years?|yrs?|[smhdw])\\s+ago", "just now", "moments? ago",
      "vor\\s+(?:\\d+|einer|einem|wenigen)\\s+(?:sekunden?|minuten?|min\\.?|stunden?|std\\.?|tag(?:en)?|wochen?"
          + "|monat(?:en)?|jahr(?:en)?)", "gerade eben", "soeben",
      "il y a\\s+(?:\\d+|une?|quelques)\\s+(?:secondes?|minutes?|min|heures?|h|jours?|j|semaines?|mois|ans?)",
      "à l'instant",
      "hace\\s+(?:\\d+|una?|unos|unas)\\s+(?:segundos?|minutos?|min|horas?|h|días?|semanas?|mes(?:es)?|años?)",
      "ahora mismo", "justo ahora",
      "(?:\\d+|un|una|pochi|poche)\\s+(?:secondi|secondo|minuti|minuto|min|ore|ora|giorni|giorno|settimane"
          + "|settimana|mesi|mese|anni|anno)\\s+fa", "poco fa",
      "há\\s+(?:\\d+|um|uma)\\s+(?:segundos?|minutos?|min|horas?|h|dias?|semanas?|meses|mês|anos?)",
      "\\d+\\s+(?:minutos?|horas?|dias?)\\s+atrás", "agora mesmo",
      "(?:\\d+|een|enkele)\\s+(?:seconden?|minuten|minuut|min\\.?|uur|uren|dagen?|weken|week|maanden?|jaar"
          + "|jaren)\\s+geleden", "zojuist",
      "(?:\\d+\\s+)?(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?"
          + "|лет)\\s+назад", "только что",
      "\\d+\\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前", "たった今",
      "\\d+\\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前", "刚刚", "剛剛");

  private static final String MINUTES = "(?:min(?:ute)?s?\\.?|minuten|minutos|minuti|мин\\.?|минут[уы]?)";

  private static final String READING_TIME = String.join("|",
      "\\d+\\s*-?\\s*" + MINUTES + "\\s*(?:read|reading|de lecture|de lectura|di lettura|de leitura|leestijd"
          + "|lesezeit|lesedauer|чтения)",
      "(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura"
          + "|tempo de leitura|leestijd|время чтения|lettura|leitura)\\s*[:：]?\\s*(?:ca\\.?\\s*|~\\s*|environ\\s*"
          + "|circa\\s*|cerca de\\s*)?\\d+\\s*" + MINUTES + "?",
      "\\d+分で読めます", "読了時間\\s*[:：]?\\s*約?\\d+\\s*分", "(?:阅读时间|閱讀時間)\\s*[:：]?\\s*\\d+\\s*(?:分钟|分鐘)",
      "\\d+\\s*(?:分钟|分鐘)(?:阅读|閱讀)");

  /** What social embeds print in their fallback markup around the counts. */
  private static final String EMBED = String.join("|",
      NUM + "\\s+people are talking about this", "read\\s+" + NUM + "\\s+repl(?:y|ies)",
      "view (?:all\\s+)?" + NUM + "\\s+comments?", "see\\s+" + NUM + "\\s+more comments?",
      "liked by\\s+\\S+\\s+and\\s+" + NUM + "\\s+others", "alle\\s+" + NUM + "\\s+kommentare ansehen",
      "voir les\\s+" + NUM + "\\s+commentaires", "ver (?:los\\s+)?" + NUM + "\\s+comentarios",
      "visualizza (?:tutti e\\s+)?" + NUM + "\\s+commenti", "ver (?:todos os\\s+)?" + NUM + "\\s+comentários",
      "alle\\s+" + NUM + "\\s+reacties bekijken");

  private static final String LEAD = "(?:last\\s+)?updated|(?:zuletzt\\s+)?aktualisiert|mis à jour|actualizado"
      + "|aggiornato|atualizado|bijgewerkt|geüpdatet|обновлено|更新日?|更新于|更新於|最終更新";

  private static final String PHRASE = "(?:(?:" + LEAD + ")\\s*[:：]?\\s*)?(?:" + COUNTER + "|" + RELATIVE_TIME
      + "|" + READING_TIME + "|" + EMBED + ")";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern PIECE = Pattern.compile(
      PHRASE + "(?:(?:\\s*[,;、&+]\\s*|\\s+(?:(?:and|und|et|y|e|en|и|or)\\s+)?)" + PHRASE + ")*", FLAGS);

  /** "Updated 10:42", "Aktualisiert am 3. März 2026, 10:42 Uhr": the lead word, then the stamp. */
  private static final Pattern STAMP_LEAD = Pattern.compile("(?:" + LEAD + ")\\s*[:：]?\\s*(?:on|at|am|le|el|il"
      + "|em|op|um|le)?\\s*", FLAGS);

  private static final Pattern BARE_COUNT = Pattern.compile("[\\p{So}\\p{Sk}\\s]*" + NUM + "[\\p{So}\\s]*", FLAGS);

  /** Separators of list-like lines; a dash or slash only with spaces around it. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s*[·•|‧∙・⋅●▪]\\s*|\\s+[-–—/]\\s+");

  /** What a relative time without a digit holds ("an hour ago", "gerade eben", "il y a une heure", "刚刚"). */
  private static final Pattern NO_DIGIT_HINT = Pattern.compile("ago|just now|vor |gerade|soeben|il y a|instant"
      + "|hace|ahora|fa\\b|há|agora|geleden|zojuist|назад|только|前|たった|刚刚|剛剛", FLAGS);

  private static final String SEPARATOR_CHARS = "·•|‧∙・⋅●▪";

  private static final int MAX_PIECE = 120;
  private static final int MAX_STAMP = 48;

  private VolatileSegments() {}

  /**
   * The text without its volatile pieces: each line loses the pieces that are counters or relative times,
   * and a line left with nothing is dropped. Every other line comes back as it was; lines are joined by
   * {@code \n}, so paragraph breaks ({@code \n\n}) survive.
   */
  public static String strip(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String[] lines = text.split("\n", -1); // one literal character: String's split needs no regex engine
    StringBuilder out = null; // only once a line changes: nearly every text keeps all of its lines
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String kept = line;
      if (mayHoldAPiece(line) && worthLooking(line)) {
        // matched as the hash sees it: non-breaking spaces, full-width digits and curly quotes folded
        String folded = ContentHash.normalize(line);
        kept = stripLine(folded);
        if (kept == folded) {
          kept = line;
        }
      }
      if (kept != line && out == null) {
        out = new StringBuilder(text.length());
        for (int j = 0; j < i; j++) {
          out.append(lines[j]).append('\n');
        }
      }
      if (out != null && kept != null) {
        out.append(kept).append('\n');
      }
    }
    if (out == null) {
      return text;
    }
    return out.length() == 0 ? "" : out.substring(0, out.length() - 1);
  }

  /** The line without its volatile pieces; null when nothing but volatile pieces (and separators) remains. */
  private static String stripLine(String line) {
    if (line.isBlank() || !worthLooking(line)) {
      return line;
    }
    List<String> pieces = new ArrayList<>();
    Matcher m = SEPARATOR.matcher(line);
    int at = 0;
    while (m.find()) {
      pieces.add(line.substring(at, m.start()));
      at = m.end();
    }
    pieces.add(line.substring(at));
    boolean[] gone = new boolean[pieces.size()];
    boolean anyGone = false;
    for (int i = 0; i < pieces.size(); i++) {
      gone[i] = isVolatilePiece(pieces.get(i));
      anyGone |= gone[i];
    }
    if (!anyGone) {
      return line;
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      String p = trim(pieces.get(i));
      if (!gone[i] && !p.isEmpty() && !BARE_COUNT.matcher(p).matches()) {
        kept.add(pieces.get(i).strip());
      }
    }
    return kept.isEmpty() ? null : String.join(" · ", kept);
  }

  /**
   * The cheap test that keeps hashing fast: a story paragraph (longer than any piece, with no list separator)
   * is not looked at further.
   */
  static boolean mayHoldAPiece(String line) {
    int length = line.length();
    if (length <= MAX_PIECE + 4) {
      return true;
    }
    // searched with String.indexOf, a character at a time in bulk, rather than with a charAt call for each
    for (int k = 0; k < SEPARATOR_CHARS.length(); k++) {
      if (line.indexOf(SEPARATOR_CHARS.charAt(k)) >= 0) {
        return true;
      }
    }
    for (int k = 0; k < SPACED_SEPARATORS.length(); k++) {
      char dash = SPACED_SEPARATORS.charAt(k);
      for (int i = line.indexOf(dash, 1); i >= 0 && i + 1 < length; i = line.indexOf(dash, i + 1)) {
        if (Character.isWhitespace(line.charAt(i - 1)) && Character.isWhitespace(line.charAt(i + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Separators of a list-like line only with white space on both sides (see {@link #SEPARATOR}). */
  private static final String SPACED_SEPARATORS = "-–—/";

  /** Cheap test first: every volatile piece holds a digit, or a word of a relative time without one. */
  private static boolean worthLooking(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c)) { // no table look-up for ASCII
        return true;
      }
    }
    return line.length() <= 40 && NO_DIGIT_HINT.matcher(line).find();
  }

  /** Whether one piece of a line, as a whole, is counters, relative times, reading time or a stamp. */
  static boolean isVolatilePiece(String piece) {
    String p = trim(piece);
    if (p.isEmpty() || p.length() > MAX_PIECE || !worthLooking(p)) {
      return false;
    }
    if (PIECE.matcher(p).matches()) {
      return true;
    }
    Matcher lead = STAMP_LEAD.matcher(p);
    return lead.lookingAt() && isStamp(p.substring(lead.end()));
  }

  /** A date and/or time: short, with a digit, and at most four words (month, weekday, "at", a zone). */
  private static boolean isStamp(String s) {
    if (s.isEmpty() || s.length() > MAX_STAMP) {
      return false;
    }
    boolean digit = false;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      digit |= Character.isDigit(c);
      boolean letter = Character.isLetter(c);
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return digit && words <= 4;
  }

  /** The piece without the punctuation and icons around it (an em dash, a heart, a closing bracket). */
  private static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && !Character.isLetterOrDigit(s.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1)) && s.charAt(b - 1) != ')') {
      b--;
    }
    return s.substring(a, b);
  }
}
