package lab.videofarm.app.notification;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.DeadEvent;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import com.google.common.eventbus.SubscriberExceptionContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.uikit.Application;

/**
 * The app's notification center: one per launch, dies with it. Parts of the app that care about a
 * video register a subscriber (an object with {@code @Subscribe} methods taking a notification
 * record); the API client posts what happened. Nobody holds a link to anybody else, so after a
 * relaunch there is no graph of objects to rebuild: new subscribers register, and the next
 * notification reaches them.
 *
 * <ul>
 *   <li>Every notification posted is reported on the timeline (layer {@code NOTIFICATION}), with
 *       its session and task identifiers.
 *   <li>Subscribers run on the delivery executor, by default the main (Swing) thread, so they may
 *       touch Swing components directly.
 *   <li>Progress is coalesced per task: at most one per {@link #PROGRESS_INTERVAL} of the injected
 *       clock, and the latest always arrives. Nothing else is ever coalesced or dropped.
 *   <li>A notification nobody subscribes to is reported on the timeline (as information: a launch
 *       in the background has no screen to hear it) instead of vanishing; a subscriber that throws
 *       is reported as a warning.
 *   <li>{@link #close()} unregisters everyone and stops delivering; a launch being killed calls it.
 *       Deliveries already handed to the executor may still run; later posts are reported as
 *       information and dropped.
 * </ul>
 */
public final class Notifications implements AutoCloseable {

  /** The shortest time between two progress notifications about one task. */
  public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);

  private final Application application;
  private final EventBus bus;
  private final ProgressCoalescer coalescer;
  private final Set<Object> subscribers = ConcurrentHashMap.newKeySet();
  private final DeadNotificationReporter deadNotifications = new DeadNotificationReporter();
  private volatile boolean closed;

  /** A notification center that delivers on the application's main (Swing) thread. */
  public Notifications(Application application, Clock clock) {
    this(application, clock, application.mainExecutor());
  }

  /**
   * A notification center that delivers on {@code delivery}. {@code MoreExecutors.directExecutor()}
   * delivers on the posting thread, which suits subscribers that never touch Swing.
   */
  public Notifications(Application application, Clock clock, Executor delivery) {
    this.application = application;
    this.bus = new AsyncEventBus(delivery, this::subscriberFailed);
    this.coalescer = new ProgressCoalescer(clock, PROGRESS_INTERVAL, this::broadcast);
    bus.register(deadNotifications);
  }

  /** Starts delivering notifications to {@code subscriber}'s {@code @Subscribe} methods. */
  public void register(Object subscriber) {
    if (closed) {
      throw new IllegalStateException("notifications of a finished launch");
    }
    subscribers.add(subscriber);
    bus.register(subscriber);
  }

  /** Stops delivering to {@code subscriber}; a view does this when it goes away. */
  public void unregister(Object subscriber) {
    if (subscribers.remove(subscriber)) {
      bus.unregister(subscriber);
    }
  }

  /** Broadcasts {@code notification} to every subscriber of its type, progress thinned out. */
  public void post(Notification notification) {
    if (closed) {
      // A launch being killed may still hear from its session for a moment; nothing is wrong.
      application.report(
          Layer.NOTIFICATION,
          notification.sessionId(),
          notification.taskId(),
          "posted after close: " + name(notification),
          notification.summary());
      return;
    }
    coalescer.offer(notification);
  }

  /** Unregisters every subscriber and drops waiting progress. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    coalescer.close();
    subscribers.forEach(this::unregister);
    bus.unregister(deadNotifications);
  }

  private void broadcast(Notification notification) {
    application.report(
        Layer.NOTIFICATION,
        notification.sessionId(),
        notification.taskId(),
        name(notification),
        notification.summary());
    bus.post(notification);
  }

  private void subscriberFailed(Throwable exception, SubscriberExceptionContext context) {
    Object event = context.getEvent();
    String subscriber =
        context.getSubscriber().getClass().getSimpleName()
            + "."
            + context.getSubscriberMethod().getName();
    String detail = subscriber + " threw " + exception;
    if (event instanceof Notification notification) {
      application.warn(
          Layer.NOTIFICATION,
          notification.sessionId(),
          notification.taskId(),
          "subscriber failed on " + name(notification),
          detail);
    } else {
      application.warn(
          Layer.NOTIFICATION,
          Notification.NO_SESSION,
          Notification.NO_TASK,
          "subscriber failed",
          detail);
    }
  }

  private static String name(Notification notification) {
    return notification.getClass().getSimpleName();
  }

  /**
   * Reports notifications that reached no subscriber. Only for information: a launch in the
   * background, or with no screen shown, has no subscriber for most notifications.
   */
  private final class DeadNotificationReporter {
    @Subscribe
    public void unheard(DeadEvent dead) {
      if (dead.getEvent() instanceof Notification notification) {
        application.report(
            Layer.NOTIFICATION,
            notification.sessionId(),
            notification.taskId(),
            "unheard " + name(notification),
            "no subscriber for " + notification.summary());
      }
    }
  }
}
