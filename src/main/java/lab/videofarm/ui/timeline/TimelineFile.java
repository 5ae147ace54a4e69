package lab.videofarm.ui.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * A timeline on disk: one JSON object per line, one line per event, in order. Saving writes a temp
 * file beside the target and renames it over, so a crash mid-save leaves the old file whole.
 * Loading refuses the whole file at the first line that is not an event, and says which.
 */
public final class TimelineFile {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private TimelineFile() {}

  public static void save(Path file, List<TimelineEvent> events) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (TimelineEvent event : events) {
          out.write(JSON.writeValueAsString(event));
          out.write('\n');
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The events in {@code file}; an {@link IOException} naming the line if one is not an event. */
  public static List<TimelineEvent> load(Path file) throws IOException {
    List<TimelineEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        events.add(parse(file, number, line));
      }
    }
    return events;
  }

  private static TimelineEvent parse(Path file, int number, String line) throws IOException {
    try {
      TimelineEvent event = JSON.readValue(line, TimelineEvent.class);
      if (event == null) {
        throw new IOException(file.getFileName() + " line " + number + " is empty JSON");
      }
      return event;
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new IOException(
          file.getFileName()
              + " is not a saved timeline: line "
              + number
              + " is not a timeline event ("
              + firstLine(e.getMessage())
              + ")",
          e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
