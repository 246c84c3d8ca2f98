package dev.newsvault.spark;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.warc.CaptureRecord;
import dev.newsvault.warc.PageArticle;
import dev.newsvault.warc.WarcRecords;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * configured {@code extract.*} rules. A revisit is resolved against the payloads of the same file when its original
 * is among the last {@value #PAYLOADS} read (the common case: a crawler writes both in one session), which saves
 * reading the original again; the others are left to {@link Revisits}, which finds their originals in the whole
 * input.
 */
final class WarcPages implements WarcRecords.Visitor {

  static final int PAYLOADS = 1000;

  private final int fileIndex;
  private final String file;
  private final JobOptions o;
  private final JobCounters n;
  private final ArticleExtractor extractor;
  private final FileRows out = new FileRows();
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

  static FileRows read(int fileIndex, String file, Map<String, String> hadoop, JobOptions o, JobCounters n) {
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
      CaptureRecord c = CaptureRecord.of((WarcCaptureRecord) r, file, offset, o.maxPageBytes());
      if (c.isRevisit()) {
        HttpResponse http = http((WarcRevisit) r);
        byte[] body = original(c);
        if (body == null) {
          out.revisits().add(PendingRevisit.of(c, http, order));
          return;
        }
        c = c.resolved(body, http);
      } else if (c.skip() == null) {
        remember(c, order);
      }
      extract(c, order, extractor, o, n).ifPresent(out.pages()::add);
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

  /** The page a capture record becomes, counted; empty when it is skipped or holds no article. */
  static Optional<PageRow> extract(CaptureRecord c, long order, ArticleExtractor extractor, JobOptions o,
      JobCounters n) {
    if (c.skip() != null) {
      n.skipped.add(1);
      return Optional.empty();
    }
    n.pages.add(1);
    Article a = PageArticle.of(extractor, c.capture(), o.minWords());
    if (a == null) {
      return Optional.empty();
    }
    n.articles.add(1);
    return Optional.of(PageRow.of(c.capture(), a, order));
  }

  /** A payload for the revisits after it in this file, and its place for the revisits of other files. */
  private void remember(CaptureRecord c, long order) {
    String id = c.origin().recordId();
    String digest = c.origin().payloadDigest();
    payloads.put(id, c.capture().body());
    out.payloads().add(new PayloadRef(id, file, c.origin().offset(), order, id));
    if (digest != null) {
      payloads.put(digest, c.capture().body());
      out.payloads().add(new PayloadRef(digest, file, c.origin().offset(), order, id));
    }
  }

  /** As import resolves it: the record it refers to, else a record with the same payload digest. */
  private byte[] original(CaptureRecord c) {
    byte[] body = c.refersTo() == null ? null : payloads.get(c.refersTo());
    if (body == null && c.origin().payloadDigest() != null) {
      body = payloads.get(c.origin().payloadDigest());
    }
    return body;
  }

  private static HttpResponse http(WarcRevisit r) {
    try {
      return r.http();
    } catch (IOException | RuntimeException e) {
      return null; // a revisit may carry no HTTP header block at all; the payload decides
    }
  }
}
