package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 9, hidden: an upload without resume data cannot go on, and says so. */
@Tag("lesson-9")
class Lesson09ResumableUploadsHiddenTest {
  private static final Lesson LESSON = Lesson.RESUMABLE_UPLOADS;

  @TempDir Path root;

  @Test
  @Points(1)
  void aCutUploadWithoutResumeDataIsNotResumed() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      phone.server().faults().resumableUploads(false);
      String id = phone.addVideo("Loft");
      Path file = Files.write(root.resolve("movie.mp4"), Transfers.movie(MOVIE_BYTES, 92));
      long task = Lesson09ResumableUploadsTest.cutUpload(phone, steps, file, id);

      Object answer = phone.command("resumeUpload", id);

      Optional<TimelineEvent> said =
          phone.awaitOptional(
              Transfers.notification("VideoUploadResumed")
                  .or(LessonPhone.event(Layer.APP, "resumeUpload ignored")));
      if (answer instanceof LessonPhone.Failed
          || said.isEmpty()
          || said.get().layer() != Layer.APP) {
        throw LESSON.failure(
            "resumeUpload of #"
                + task
                + " to be ignored, and say so: the server offered no resumable upload, so its"
                + " failure carried no resume data",
            answer instanceof LessonPhone.Failed
                ? Transfers.describe(answer)
                : said.map(e -> e.what() + " " + e.detail()).orElse(phone.lastWords()),
            "Nothing to resume");
      }
    }
  }
}
