package lab.videofarm.app;

import java.util.List;

/** The folder of each lesson under {@code lessons/}, by lesson number. */
public final class LessonFolders {
  private static final List<String> FOLDERS =
      List.of(
          "01-sessions",
          "02-video-list",
          "03-prepare-video",
          "04-download",
          "05-pause-resume",
          "06-upload",
          "07-relaunch",
          "08-background-fetch",
          "09-resumable-uploads");

  private LessonFolders() {}

  /** The folder name of lesson {@code number} (1-based). */
  public static String folder(int number) {
    return FOLDERS.get(number - 1);
  }
}
