package lab.videofarm.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.os.uikit.LaunchOptions;

/**
 * A small app the device loads child-first. Tests cannot share objects with it (each launch has its
 * own classes), so it reports what happens on the timeline ({@link Layer#APP}) and reads how to
 * behave from {@code behaviour.properties} in its container.
 */
public final class TestAppDelegate implements ApplicationDelegate {
  public static final String BUNDLE_ID = "lab.videofarm.TestApp";

  /** Counts launches seen by this class; restarts from zero in every launch's fresh classes. */
  private static int launchesSeenByThisClass;

  private Application application;

  @Override
  public void didFinishLaunching(Application application, LaunchOptions options) {
    this.application = application;
    launchesSeenByThisClass++;
    report(
        "didFinishLaunching", "counter=" + launchesSeenByThisClass + " reason=" + options.reason());
    String interval = behaviour("fetchIntervalSeconds");
    if (interval != null) {
      application.setMinimumBackgroundFetchInterval(
          java.time.Duration.ofSeconds(Long.parseLong(interval)));
    }
  }

  @Override
  public void handleEventsForBackgroundURLSession(String identifier, Runnable completionHandler) {
    report("handleEvents", identifier);
    switch (String.valueOf(behaviour("completionHandler"))) {
      case "never" -> {}
      case "twice" -> {
        completionHandler.run();
        completionHandler.run();
      }
      default -> completionHandler.run();
    }
  }

  @Override
  public void performFetch(Consumer<FetchResult> completionHandler) {
    String result = behaviour("fetchResult");
    report("performFetch", String.valueOf(result));
    if (!"never".equals(result)) {
      completionHandler.accept(result == null ? FetchResult.NEW_DATA : FetchResult.valueOf(result));
    }
  }

  @Override
  public void didEnterBackground() {
    report("didEnterBackground", "");
  }

  @Override
  public void willEnterForeground() {
    report("willEnterForeground", "");
  }

  @Override
  public void willTerminate() {
    report("willTerminate", "");
  }

  private void report(String what, String detail) {
    application.report(Layer.APP, "", TimelineEvent.NO_TASK, what, detail);
  }

  private String behaviour(String key) {
    Path file = application.containerDirectory().resolve("behaviour.properties");
    if (!Files.exists(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty(key);
  }
}
