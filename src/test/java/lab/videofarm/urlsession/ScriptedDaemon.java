package lab.videofarm.urlsession;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lab.videofarm.os.AppState;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferService;

/**
 * Stands in for the transfer daemon in tests of the API's own rules: records what sessions ask and
 * lets the test deliver events through the real sink, as the daemon would, one at a time.
 */
final class ScriptedDaemon implements TransferService {
  final List<Connection> connections = new CopyOnWriteArrayList<>();
  final Map<String, String> identifiersHeldByOtherProcesses = new ConcurrentHashMap<>();

  /** Runs inside {@code connect}, before it returns, with the session's sink. */
  volatile Consumer<DaemonEventSink> whileConnecting = sink -> {};

  private final AtomicLong ids = new AtomicLong();

  @Override
  public DaemonConnection connect(SessionSpec session, DaemonEventSink sink)
      throws SessionInUseException {
    if (session.identifier() != null
        && identifiersHeldByOtherProcesses.containsKey(session.identifier())) {
      throw new SessionInUseException(session.identifier());
    }
    Connection connection = new Connection(session, sink);
    connections.add(connection);
    whileConnecting.accept(sink);
    return connection;
  }

  Connection last() {
    return connections.get(connections.size() - 1);
  }

  @Override
  public void appStateChanged(String bundleId, AppState state) {}

  @Override
  public void userForceQuit(String bundleId) {}

  @Override
  public void setRelauncher(BackgroundRelauncher relauncher) {}

  @Override
  public List<TaskSnapshot> allTasks() {
    return connections.stream().flatMap(c -> c.snapshots.stream()).toList();
  }

  final class Connection implements DaemonConnection {
    final SessionSpec spec;
    final DaemonEventSink sink;
    final List<TaskSpec> created = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<TaskSnapshot> snapshots = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile byte[] resumeDataToProduce;

    Connection(SessionSpec spec, DaemonEventSink sink) {
      this.spec = spec;
      this.sink = sink;
    }

    /** Delivers an event as the daemon does: waits until the delegate call returned. */
    void deliver(TaskEvent event) throws Exception {
      sink.deliver(event);
    }

    @Override
    public SessionSpec session() {
      return spec;
    }

    @Override
    public long createTask(TaskSpec spec) {
      created.add(spec);
      long id = ids.incrementAndGet();
      calls.add("createTask " + id);
      return id;
    }

    @Override
    public void resume(long taskIdentifier) {
      calls.add("resume " + taskIdentifier);
    }

    @Override
    public void suspend(long taskIdentifier) {
      calls.add("suspend " + taskIdentifier);
    }

    @Override
    public void cancel(long taskIdentifier) {
      calls.add("cancel " + taskIdentifier);
    }

    @Override
    public CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(long taskIdentifier) {
      calls.add("cancelByProducingResumeData " + taskIdentifier);
      return CompletableFuture.completedFuture(Optional.ofNullable(resumeDataToProduce));
    }

    @Override
    public void provideBodyStream(long taskIdentifier, InputStream body) {
      calls.add("provideBodyStream " + taskIdentifier);
    }

    @Override
    public void continueDelayedRequest(
        long taskIdentifier,
        lab.videofarm.os.DelayedRequestDisposition disposition,
        lab.videofarm.os.transferd.RequestInfo newRequest) {
      calls.add(
          "continueDelayedRequest "
              + taskIdentifier
              + " "
              + disposition
              + (newRequest == null ? "" : " " + newRequest.url()));
    }

    @Override
    public void setEarliestBeginDate(long taskIdentifier, java.time.Instant earliestBeginDate) {
      calls.add("setEarliestBeginDate " + taskIdentifier + " " + earliestBeginDate);
    }

    @Override
    public void setTaskDescription(long taskIdentifier, String description) {
      calls.add("setTaskDescription " + taskIdentifier + " " + description);
    }

    @Override
    public List<TaskSnapshot> allTasks() {
      return new ArrayList<>(snapshots);
    }

    @Override
    public Optional<TaskSnapshot> task(long taskIdentifier) {
      return snapshots.stream().filter(s -> s.taskIdentifier() == taskIdentifier).findFirst();
    }

    @Override
    public void finishTasksAndInvalidate() {
      calls.add("finishTasksAndInvalidate");
    }

    @Override
    public void invalidateAndCancel() {
      calls.add("invalidateAndCancel");
    }

    @Override
    public void close() {
      closed = true;
      calls.add("close");
    }

    TaskState stateOf(long id) {
      return task(id).map(TaskSnapshot::state).orElse(null);
    }
  }
}
