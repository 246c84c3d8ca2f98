package dev.newsvault.spark;

import dev.newsvault.check.ChangeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The archive's versions, computed over the corpus: the captures of each URL in WARC-Date order, and a new version
 * whenever the text, title or byline differ from the version before, as {@code newsvault import} slots them into
 * the archive whatever order the files come in.
 */
final class Versions {

  private Versions() {}

  static JavaRDD<VersionRow> of(JavaRDD<PageRow> pages) {
    return pages.mapToPair(p -> new Tuple2<>(p.url(), p)).groupByKey().flatMap(t -> {
      List<PageRow> caps = new ArrayList<>();
      t._2().forEach(caps::add);
      caps.sort(Comparator.comparing((PageRow p) -> Instant.parse(p.fetchedAt())).thenComparingLong(PageRow::order));
      String first = caps.get(0).fetchedAt();
      String last = caps.get(caps.size() - 1).fetchedAt();
      List<VersionRow> out = new ArrayList<>();
      PageRow current = null;
      for (PageRow p : caps) {
        if (current == null || !p.sameVersionAs(current)) {
          out.add(new VersionRow(p, out.size() + 1, first, last, current == null ? null : changeKind(current, p)));
          current = p;
        }
      }
      return out.iterator();
    });
  }

  /** The label the archive stores for a version against the one before it (the same classifier, no copy). */
  private static String changeKind(PageRow before, PageRow after) {
    return ChangeClassifier.classify(revision(before), revision(after)).kind().code();
  }

  private static ChangeClassifier.Revision revision(PageRow p) {
    return new ChangeClassifier.Revision(p.title(), p.authorList(), p.text());
  }
}
