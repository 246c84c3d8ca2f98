package dev.newsvault.notify;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.DeliveryRecord;
import dev.newsvault.archive.NoticeQueries;
import dev.newsvault.archive.NoticeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the archive's notice queue: routes each new notice to the channels that want it, then sends what
 * is due, one channel after another, and records each outcome at once. A message is marked sent only after
 * its channel accepted it, so a crash between the two sends it again on the next run under the same
 * idempotency key: at least once to the channel, exactly once to a receiver that drops a repeated key.
 * Failed attempts wait {@code notify.retry.first.s}, doubling up to an hour, until {@code notify.give-up.hours}
 * after the delivery was queued; then the delivery is failed, shown by {@code status}, and {@code notify
 * retry} queues it again. Passes run on one thread; the network is never used while the archive is locked.
 */
public final class NoticeWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeWorker.class);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);
  static final int BATCH = 500;

  private final NoticeQueries queue;
  private final NotifyConfig config;
  private final NoticeBuilder builder;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public NoticeWorker(Archive archive, NotifyConfig config, Path seeds, Clock clock) {
    this.queue = new NoticeQueries(archive);
    this.config = config;
    this.builder = new NoticeBuilder(archive, new SeedLists(seeds), config.baseUrl());
    this.clock = clock;
  }

  /** Runs a pass every {@code every} in the background until {@link #close()}. */
  public synchronized void start(Duration every) {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notify");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleWithFixedDelay(this::passQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void passQuietly() {
    try {
      pass();
    } catch (ArchiveException | RuntimeException e) {
      LOG.warn("notify: {}", e.getMessage());
    }
  }

  /** Routes the new notices and sends everything due now. */
  public synchronized PassSummary pass() throws ArchiveException {
    Instant now = clock.instant();
    Map<Long, Optional<Notice>> notices = new HashMap<>();
    int routed = route(now, notices);
    PassSummary total = new PassSummary(routed, 0, 0, 0);
    for (Channel c : config.channels()) {
      total = total.plus(deliver(c, now, notices));
    }
    return total;
  }

  private int route(Instant now, Map<Long, Optional<Notice>> notices) throws ArchiveException {
    int routed = 0;
    List<NoticeRecord> batch;
    do {
      batch = queue.unrouted(BATCH);
      for (NoticeRecord r : batch) {
        Optional<Notice> n = builder.build(r);
        notices.put(r.id(), n);
        List<String> to = new ArrayList<>();
        if (n.isPresent()) {
          for (Channel c : config.channels()) {
            if (Route.wants(c.settings(), n.get())) {
              to.add(c.name());
            }
          }
        }
        queue.route(r.id(), to, now);
        routed++;
      }
    } while (batch.size() == BATCH);
    return routed;
  }

  /** Sends what is due for {@code c}, a batch at a time, until nothing is due, the cap is spent or it fails. */
  private PassSummary deliver(Channel c, Instant now, Map<Long, Optional<Notice>> notices) throws ArchiveException {
    PassSummary total = PassSummary.NONE;
    while (true) {
      List<DeliveryRecord> due = queue.due(c.name(), now, BATCH);
      PassSummary batch = deliver(c, due, now, notices);
      total = total.plus(batch);
      if (due.size() < BATCH || batch.sent() + batch.failed() < due.size()) {
        return total;
      }
      notices.clear(); // a backlog must not be held in memory whole
    }
  }

  private PassSummary deliver(Channel c, List<DeliveryRecord> due, Instant now, Map<Long, Optional<Notice>> notices)
      throws ArchiveException {
    if (due.isEmpty()) {
      return PassSummary.NONE;
    }
    List<DeliveryRecord> single = due;
    List<DeliveryRecord> digest = List.of();
    int cap = c.settings().perHour();
    if (cap > 0) {
      int free = cap - queue.messagesSince(c.name(), now.minus(Duration.ofHours(1)));
      if (free <= 0) {
        return PassSummary.NONE; // the hour's messages are spent; the next pass after a slot frees sends a digest
      }
      if (due.size() > free) {
        single = due.subList(0, free - 1);
        digest = due.subList(free - 1, due.size());
      }
    }
    PassSummary done = PassSummary.NONE;
    for (DeliveryRecord d : single) {
      PassSummary one = send(c, "change", d.idempotencyKey(), List.of(d), now, notices);
      done = done.plus(one);
      if (one.sent() == 0 && one.failed() == 0) {
        return done; // the channel is failing: the rest wait for the next pass instead of each timing out
      }
    }
    if (!digest.isEmpty()) {
      done = done.plus(send(c, "digest", "nv-digest-" + c.name() + "-" + digest.get(0).id(), digest, now, notices));
    }
    return done;
  }

  private PassSummary send(Channel c, String event, String key, List<DeliveryRecord> ds, Instant now,
      Map<Long, Optional<Notice>> cache) throws ArchiveException {
    List<Notice> notices = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (DeliveryRecord d : ds) {
      Optional<Notice> n = cache.get(d.noticeId());
      if (n == null) {
        Optional<NoticeRecord> r = queue.notice(d.noticeId());
        n = r.isPresent() ? builder.build(r.get()) : Optional.empty();
        cache.put(d.noticeId(), n);
      }
      if (n.isPresent()) {
        notices.add(n.get());
        ids.add(d.id());
      } else {
        queue.attemptFailed(List.of(d.id()), "the versions of this notice are no longer in the archive", null);
      }
    }
    if (notices.isEmpty()) {
      return new PassSummary(0, 0, 0, ds.size());
    }
    try {
      c.send(new Message(event, key, notices));
      queue.sent(ids, key, clock.instant());
      return new PassSummary(0, ids.size(), 0, 0);
    } catch (DeliveryException e) {
      return failed(c, ds, e.getMessage(), now);
    } catch (RuntimeException e) {
      return failed(c, ds, c.name() + ": " + e, now);
    }
  }

  private PassSummary failed(Channel c, List<DeliveryRecord> ds, String error, Instant now) throws ArchiveException {
    int retrying = 0;
    int failed = 0;
    for (DeliveryRecord d : ds) {
      Instant giveUpAt = Instant.parse(d.queuedAt()).plus(config.giveUp());
      Instant next = now.plus(backoff(config.firstRetry(), d.attempts()));
      if (next.isAfter(giveUpAt)) {
        queue.attemptFailed(List.of(d.id()), error, null);
        failed++;
      } else {
        queue.attemptFailed(List.of(d.id()), error, next);
        retrying++;
      }
    }
    LOG.warn("notify: {}{}", error, failed > 0 ? "; given up after " + config.giveUp().toHours() + " h, shown as"
        + " failed by 'newsvault status' ('newsvault notify retry' sends again)" : "; retrying later");
    return new PassSummary(0, 0, retrying, failed);
  }

  /** The wait before the retry after {@code attemptsBefore} earlier attempts: first, doubling, at most an hour. */
  static Duration backoff(Duration first, int attemptsBefore) {
    Duration d = first;
    for (int i = 0; i < attemptsBefore && d.compareTo(MAX_BACKOFF) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** Stops the background passes and runs one last pass, so what the run stored goes out before it ends. */
  public PassSummary drain() throws ArchiveException {
    stopTimer();
    return pass();
  }

  private void stopTimer() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stopTimer();
    config.channels().forEach(Channel::close);
  }
}
