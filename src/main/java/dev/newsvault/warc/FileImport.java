package dev.newsvault.warc;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.CaptureDigests;
import dev.newsvault.archive.ImportStore;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.check.VersionLabels;
import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.fetch.Capture;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Imports one WARC file: this thread reads records in file order, the pool extracts articles and computes what
 * storing them costs in CPU (hashes, the raw page's gzip), and this thread stores them back in file order, so a
 * revisit always finds the response before it and the archive sees the same sequence whatever the pool size.
 */
final class FileImport implements WarcRecords.Visitor {

  /** A page's article (null for none) and its digests, as the pool hands them back. */
  private record Extracted(Article article, CaptureDigests digests) {}

  private record Pending(CaptureRecord record, Future<Extracted> extracted) {}

  private final ImportStore store;
  private final VersionLabels labels;
  private final ArticleExtractor extractor;
  private final ExecutorService pool;
  private final ImportSettings settings;
  private final long runId;
  private final String file;
  private final ImportProgress progress;
  private final ImportCounts counts = new ImportCounts();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private ArchiveException archiveFailure;

  FileImport(ImportStore store, VersionLabels labels, ArticleExtractor extractor, ExecutorService pool,
      ImportSettings settings, long runId, String file, ImportProgress progress) {
    this.store = store;
    this.labels = labels;
    this.extractor = extractor;
    this.pool = pool;
    this.settings = settings;
    this.runId = runId;
    this.file = file;
    this.progress = progress;
  }

  ImportCounts counts() {
    return counts;
  }

  /** Stores what is still in flight; call once the file is read. */
  void finish() throws ArchiveException {
    while (!pending.isEmpty()) {
      storeHead();
    }
  }

  @Override
  public void record(WarcRecord r, long offset) throws IOException {
    counts.record();
    if (!(r instanceof WarcResponse) && !(r instanceof WarcRevisit)) {
      counts.other();
      return;
    }
    CaptureRecord c;
    try {
      c = CaptureRecord.of((WarcCaptureRecord) r, file, offset, settings.maxPageBytes());
    } catch (IOException | RuntimeException e) {
      malformed(offset, "cannot parse the HTTP message of " + r.type() + " record: " + e.getMessage());
      return;
    }
    if (c.skip() == null && store.hasRecord(c.origin().recordId())) {
      c = CaptureRecord.skip(c.origin(), SkipKind.DUPLICATE);
    }
    if (c.skip() != null) {
      skip(c);
      return;
    }
    if (c.isRevisit()) {
      finish(); // the record it refers to may still be in flight
      c = resolve(c, (WarcRevisit) r);
      if (c.skip() != null) {
        skip(c);
        return;
      }
    }
    CaptureRecord page = c;
    pending.add(new Pending(page, pool.submit(() -> extract(page.capture()))));
    if (pending.size() >= settings.window()) {
      storeHead();
    }
  }

  @Override
  public void malformed(long offset, String problem) {
    counts.skip(SkipKind.MALFORMED);
    progress.named(SkipKind.MALFORMED, file + " at byte " + offset + ": malformed record skipped (" + problem + ")");
  }

  private CaptureRecord resolve(CaptureRecord c, WarcRevisit r) throws ArchiveException {
    Optional<byte[]> body = store.revisitedPayload(c.refersTo(), c.origin().payloadDigest());
    if (body.isEmpty()) {
      return CaptureRecord.skip(c.origin(), SkipKind.UNRESOLVED_REVISIT);
    }
    HttpResponse http;
    try {
      http = r.http();
    } catch (IOException | RuntimeException e) {
      http = null; // a revisit may carry no HTTP header block at all; the payload decides
    }
    return c.resolved(body.get(), http);
  }

  private Extracted extract(Capture c) {
    Article a = PageArticle.of(extractor, c, settings.minWords());
    return new Extracted(a, CaptureDigests.of(c, a));
  }

  private void storeHead() throws ArchiveException {
    Pending p = pending.poll();
    CaptureRecord c = p.record();
    Extracted x;
    try {
      x = p.extracted().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArchiveException("import interrupted while reading " + file, e);
    } catch (ExecutionException e) {
      // the extractor gave up on this page: archived as a page without an article
      x = new Extracted(null, CaptureDigests.of(c.capture(), null));
    }
    if (store.hasRecord(c.origin().recordId())) {
      skip(CaptureRecord.skip(c.origin(), SkipKind.DUPLICATE));
      return;
    }
    StoreResult r = store.store(runId, c.capture(), x.article(), x.digests(), c.origin());
    if (r.change() == StoreResult.Change.CHANGED) {
      // also relabels the version after it when the capture was slotted in by its date
      labels.labelFrom(r.articleId(), r.version());
    }
    counts.stored(r);
    progress.advance(counts);
  }

  private void skip(CaptureRecord c) {
    counts.skip(c.skip());
    progress.skipped(file, c.origin(), c.skip());
  }
}
