package dev.newsvault.spark;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.warc.CaptureRecord;
import dev.newsvault.warc.PageArticle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The job's function per WARC file: reads it from any Hadoop file system with jwarc, turns each capture record
 * into a page with {@code newsvault import}'s own record reading, and extracts its article with the CLI's
 * extractor. Revisits are resolved against the payloads of the same file (the last {@value #PAYLOADS} kept). A
 * record the reader cannot parse ends the file (a stream cannot look for the next record as import does on a
 * local file); it is counted as failed and the pages before it are kept.
 */
final class WarcPages {

  static final int PAYLOADS = 1000;

  private WarcPages() {}

  static List<PageRow> read(int fileIndex, String file, Map<String, String> hadoop, JobOptions o, JobCounters n) {
    Configuration conf = new Configuration(false);
    hadoop.forEach(conf::set);
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    List<PageRow> out = new ArrayList<>();
    Map<String, byte[]> payloads = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
        return size() > PAYLOADS;
      }
    };
    Path path = new Path(file);
    long index = 0;
    try (InputStream in = FileSystem.get(path.toUri(), conf).open(path); WarcReader reader = new WarcReader(in)) {
      n.files.add(1);
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          n.failed.add(1);
          System.err.println("newsvault-spark: " + file + ": malformed record after record " + index
              + ", rest of the file skipped: " + e);
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        WarcRecord r = next.get();
        long order = PageRow.order(fileIndex, index++);
        n.records.add(1);
        if (!(r instanceof WarcResponse) && !(r instanceof WarcRevisit)) {
          continue;
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
            continue;
          }
          n.pages.add(1);
          Article a = PageArticle.of(extractor, c.capture(), o.minWords());
          if (a != null) {
            n.articles.add(1);
            out.add(PageRow.of(c.capture(), a, order));
          }
        } catch (IOException | RuntimeException e) {
          n.failed.add(1);
        }
      }
    } catch (IOException e) {
      n.failed.add(1);
      System.err.println("newsvault-spark: cannot read " + file + ": " + e);
    }
    return out;
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
