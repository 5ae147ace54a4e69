package lab.videofarm.server.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab.videofarm.server.RecordedRequest;

/**
 * Every exchange the server finished, for tests: a list in arrival order and a queue in the order
 * exchanges ended (what {@code takeRequest} drains). Thread-safe.
 */
public final class RequestJournal {
  // Guarded by this.
  private final List<RecordedRequest> all = new ArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

  void record(RecordedRequest request) {
    synchronized (this) {
      all.add(request);
    }
    untaken.add(request);
  }

  public synchronized List<RecordedRequest> requests() {
    List<RecordedRequest> copy = new ArrayList<>(all);
    copy.sort(Comparator.comparingLong(RecordedRequest::sequence));
    return List.copyOf(copy);
  }

  public Optional<RecordedRequest> take(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }
}
