package dev.newsvault.spark;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.warc.CaptureRecord;
import dev.newsvault.warc.PageArticle;
import dev.newsvault.warc.WarcRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The job's function per WARC file: reads it from any Hadoop file system with {@code newsvault import}'s own record
 * reader (which steps over a malformed record to the next record start, as import does), turns each capture
 * record into a page with import's record reading, and extracts its article with the CLI's extractor and the
 * configured {@code extract.*} rules. Revisits are resolved against the payloads of the same file (the last
 * {@value #PAYLOADS} kept).
 */
final class WarcPages implements WarcRecords.Visitor {

  static final int PAYLOADS = 1000;

  private final int fileIndex;
  private final String file;
  private final JobOptions o;
  private final JobCounters n;
  private final ArticleExtractor extractor;
  private final List<PageRow> out = new ArrayList<>();
  private final Map<String, byte[]> payloads = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
      return size() > PAYLOADS;
    }
  };
  private long index;

  private WarcPages(int fileIndex, String file, JobOptions o, JobCounters n) {
    this.fileIndex = fileIndex;
    this.file = file;
    this.o = o;
    this.n = n;
    this.extractor = new ArticleExtractor(ExtractionRules.fromProperties(o.extractRules()));
  }

  static List<PageRow> read(int fileIndex, String file, Map<String, String> hadoop, JobOptions o, JobCounters n) {
    Configuration conf = new Configuration(false);
    hadoop.forEach(conf::set);
    WarcPages pages = new WarcPages(fileIndex, file, o, n);
    Path path = new Path(file);
    try {
      FileSystem fs = FileSystem.get(path.toUri(), conf);
      long size = fs.getFileStatus(path).getLen();
      try (HadoopChannel ch = new HadoopChannel(fs.open(path), size)) {
        n.files.add(1);
        WarcRecords.read(ch, pages);
      }
    } catch (IOException e) {
      n.failed.add(1);
      System.err.println("newsvault-spark: cannot read " + file + " (" + e + "); the pages read before are kept");
    }
    return pages.out;
  }

  @Override
  public void record(WarcRecord r, long offset) {
    long order = PageRow.order(fileIndex, index++);
    n.records.add(1);
    if (!(r instanceof WarcResponse) && !(r instanceof WarcRevisit)) {
      return;
    }
    try {
      CaptureRecord c = CaptureRecord.of((WarcCaptureRecord) r, file, order, o.maxPageBytes());
      if (c.isRevisit()) {
        c = resolve(c, (WarcRevisit) r, payloads);
      } else if (c.skip() == null) {
        payloads.put(c.origin().recordId(), c.capture().body());
        if (c.origin().payloadDigest() != null) {
          payloads.put(c.origin().payloadDigest(), c.capture().body());
        }
      }
      if (c == null || c.skip() != null) {
        n.skipped.add(1);
        return;
      }
      n.pages.add(1);
      Article a = PageArticle.of(extractor, c.capture(), o.minWords());
      if (a != null) {
        n.articles.add(1);
        out.add(PageRow.of(c.capture(), a, order));
      }
    } catch (IOException | RuntimeException e) {
      n.failed.add(1);
      System.err.println("newsvault-spark: " + file + " at byte " + offset + ": record skipped (" + e + ")");
    }
  }

  @Override
  public void malformed(long offset, String problem) {
    n.failed.add(1);
    System.err.println("newsvault-spark: " + file + " at byte " + offset + ": malformed record skipped (" + problem
        + "); reading on from the next record");
  }

  private static CaptureRecord resolve(CaptureRecord c, WarcRevisit r, Map<String, byte[]> payloads) {
    byte[] body = c.refersTo() == null ? null : payloads.get(c.refersTo());
    if (body == null && c.origin().payloadDigest() != null) {
      body = payloads.get(c.origin().payloadDigest());
    }
    if (body == null) {
      return null;
    }
    HttpResponse http;
    try {
      http = r.http();
    } catch (IOException | RuntimeException e) {
      http = null;
    }
    return c.resolved(body, http);
  }
}
