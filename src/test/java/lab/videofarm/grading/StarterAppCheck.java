package lab.videofarm.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * Checks, headless, that the app starts whatever is left to write: it launches the VideoFarm app on
 * a phone with the sample server, and passes when the launch did not crash (a lesson not yet
 * written shows "not implemented yet" instead). Prints what the app said. Exit status 0 when it
 * started, 1 when it crashed.
 */
public final class StarterAppCheck {
  private StarterAppCheck() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("starter-app-check");
    boolean started;
    try (LessonPhone phone = LessonPhone.start(root, Lesson.ALL)) {
      phone.launchApp();
      phone.settle();
      List<TimelineEvent> events = phone.events();
      events.stream()
          .map(e -> (e.what() + " " + e.detail()).strip())
          .filter(said -> said.toLowerCase(Locale.ROOT).contains("not implemented yet"))
          .map(said -> "  shows: " + said)
          .distinct()
          .forEach(System.out::println);
      List<TimelineEvent> crashes =
          events.stream().filter(LessonPhone.event(Layer.DEVICE, "crash")).toList();
      crashes.forEach(crash -> System.out.println("  crashed: " + crash.detail()));
      started = crashes.isEmpty();
    }
    System.out.println(started ? "The app started." : "The app crashed at launch.");
    System.exit(started ? 0 : 1);
  }
}
