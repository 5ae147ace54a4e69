package lab.videofarm.ui.scene;

import java.util.List;

/**
 * A URLSession object inside one app launch.
 *
 * @param identifier the background identifier, or the daemon's {@code default#N} for a default
 *     session
 * @param daemonId the daemon's label of the session it is connected to ({@code ""} while unknown)
 * @param relinked it was created with an identifier the daemon already held tasks for
 * @param relinkedTasks the daemon's tasks it reconnected to
 * @param detached its process died, or it was invalidated
 * @param handler where the completion handler of {@code handleEventsForBackgroundURLSession} stands
 * @param lastDelegateCall the last delegate method called on it ({@code ""} before any)
 * @param lastDelegateTask the task of that call, or {@code -1}
 * @param createdAt the sequence of its creation
 * @param delegateAt the sequence of the last delegate call
 */
public record AppSession(
    String identifier,
    String daemonId,
    boolean relinked,
    List<Long> relinkedTasks,
    boolean detached,
    CompletionHandler handler,
    String lastDelegateCall,
    long lastDelegateTask,
    long createdAt,
    long delegateAt) {

  /** The completion handler the system gives the app with the session's events. */
  public enum CompletionHandler {
    /** The app was not launched for this session's events. */
    NONE,
    /** The system handed it over; the app has not called it yet. */
    WAITING,
    /** The app called it: the system may suspend the app again. */
    CALLED
  }

  public AppSession {
    relinkedTasks = List.copyOf(relinkedTasks);
  }

  public boolean isDefault() {
    return identifier.startsWith("default");
  }

  AppSession withDaemonId(String id) {
    return new AppSession(
        identifier,
        id,
        relinked,
        relinkedTasks,
        detached,
        handler,
        lastDelegateCall,
        lastDelegateTask,
        createdAt,
        delegateAt);
  }

  AppSession relinked(List<Long> tasks) {
    return new AppSession(
        identifier,
        daemonId,
        true,
        tasks,
        detached,
        handler,
        lastDelegateCall,
        lastDelegateTask,
        createdAt,
        delegateAt);
  }

  AppSession detach() {
    return new AppSession(
        identifier,
        daemonId,
        relinked,
        relinkedTasks,
        true,
        handler,
        lastDelegateCall,
        lastDelegateTask,
        createdAt,
        delegateAt);
  }

  AppSession withHandler(CompletionHandler state) {
    return new AppSession(
        identifier,
        daemonId,
        relinked,
        relinkedTasks,
        detached,
        state,
        lastDelegateCall,
        lastDelegateTask,
        createdAt,
        delegateAt);
  }

  AppSession called(String method, long taskId, long at) {
    return new AppSession(
        identifier,
        daemonId,
        relinked,
        relinkedTasks,
        detached,
        handler,
        method,
        taskId,
        createdAt,
        at);
  }
}
