package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.scene.AppRecord.Kind;

/**
 * The app's VFMVideoDownload and VFMVideoUpload records: counted from the archives it saves and
 * restores, named and brought up to date by the notifications it posts.
 */
final class RecordEvents {
  private static final Pattern BYTES = Pattern.compile("(\\d+)/(-?\\d+) bytes");

  private final SceneFold fold;

  RecordEvents(SceneFold fold) {
    this.fold = fold;
  }

  void notification(TimelineEvent event) {
    String name = event.what();
    Kind kind =
        name.startsWith("VideoDownload")
            ? Kind.DOWNLOAD
            : name.startsWith("VideoUpload") ? Kind.UPLOAD : null;
    if (kind == null) {
      return;
    }
    String[] words = event.detail().split(" ", 2);
    String videoId = words[0];
    String rest = words.length > 1 ? words[1] : "";
    String state = stateOf(kind, name.substring("Video".length()), rest);
    Matcher bytes = BYTES.matcher(rest);
    boolean hasBytes = bytes.find();
    update(
        event.launch(),
        kind,
        videoId,
        event.taskId(),
        r ->
            r.update(
                videoId,
                event.hasTask() ? event.taskId() : r.taskId(),
                state,
                hasBytes ? Long.parseLong(bytes.group(1)) : r.bytes(),
                hasBytes ? Long.parseLong(bytes.group(2)) : r.expected()));
  }

  /** {@code Progressed} of a download reads "downloading", {@code Failed} "failed: ...". */
  private static String stateOf(Kind kind, String kindAndEvent, String rest) {
    String event = kindAndEvent.replaceFirst("^(Download|Upload)", "");
    boolean download = kind == Kind.DOWNLOAD;
    return switch (event) {
      case "Progressed" -> download ? "downloading" : "uploading";
      case "Finished" -> download ? "downloaded" : "uploaded";
      case "Failed" -> "failed " + rest;
      case "Paused" -> "paused";
      case "Resumed" -> "resumed " + rest;
      case "Suspended" -> "suspended";
      default -> event;
    };
  }

  void app(TimelineEvent event) {
    String what = event.what();
    if (what.equals("record created")) {
      String[] words = event.detail().split(" ", 2);
      Kind kind = words[0].equals("upload") ? Kind.UPLOAD : Kind.DOWNLOAD;
      String videoId = words.length > 1 ? words[1] : "";
      update(
          event.launch(),
          kind,
          videoId,
          event.taskId(),
          r -> r.update(videoId, event.taskId(), "created", r.bytes(), r.expected()));
    } else if (what.equals("moved into the library") || what.equals("already in the library")) {
      byTask(event.launch(), event.taskId(), "in the library");
    }
  }

  /**
   * The new launch read back the records filed under {@code taskIds}: named as the launch that
   * saved them knew them.
   */
  void restored(int launchNumber, String file, List<Long> taskIds) {
    Kind kind = kindOf(file);
    AppLaunch launch = fold.launches.get(launchNumber);
    if (kind == null || launch == null) {
      return;
    }
    List<AppRecord> saved = previousRecords(launch, kind);
    List<AppRecord> next = new ArrayList<>(others(launch, kind));
    for (long taskId : taskIds) {
      AppRecord before = saved.stream().filter(r -> r.taskId() == taskId).findFirst().orElse(null);
      next.add(
          new AppRecord(
              kind,
              before == null ? "" : before.videoId(),
              taskId,
              "restored",
              before == null ? 0 : before.bytes(),
              before == null ? -1 : before.expected(),
              file));
    }
    fold.launches.put(launchNumber, launch.withRecords(next));
  }

  /** The launch saved {@code entries} records: it holds at least that many. */
  void saved(int launchNumber, String file, int entries) {
    Kind kind = kindOf(file);
    AppLaunch launch = fold.launches.get(launchNumber);
    if (kind == null || launch == null) {
      return;
    }
    List<AppRecord> mine = new ArrayList<>(ofKind(launch, kind));
    while (mine.size() < entries) {
      mine.add(new AppRecord(kind, "", TimelineEvent.NO_TASK, "saved", 0, -1, ""));
    }
    while (mine.size() > entries && mine.get(0).videoId().isEmpty()) {
      mine.remove(0);
    }
    List<AppRecord> next = new ArrayList<>(others(launch, kind));
    next.addAll(mine);
    fold.launches.put(launchNumber, launch.withRecords(next));
  }

  private void byTask(int launchNumber, long taskId, String state) {
    AppLaunch launch = fold.launches.get(launchNumber);
    if (launch == null) {
      return;
    }
    List<AppRecord> next = new ArrayList<>(launch.records());
    for (int i = 0; i < next.size(); i++) {
      AppRecord r = next.get(i);
      if (r.taskId() == taskId && taskId != TimelineEvent.NO_TASK) {
        next.set(i, r.update(r.videoId(), taskId, state, r.bytes(), r.expected()));
      }
    }
    fold.launches.put(launchNumber, launch.withRecords(next));
  }

  private void update(
      int launchNumber,
      Kind kind,
      String videoId,
      long taskId,
      java.util.function.UnaryOperator<AppRecord> change) {
    AppLaunch launch = fold.launches.get(launchNumber);
    if (launch == null) {
      return;
    }
    List<AppRecord> next = new ArrayList<>(launch.records());
    int index = find(next, kind, videoId);
    if (index < 0) {
      next.add(change.apply(new AppRecord(kind, videoId, taskId, "", 0, -1, "")));
    } else {
      next.set(index, change.apply(next.get(index)));
    }
    fold.launches.put(launchNumber, launch.withRecords(next));
  }

  /** The record of this video, else the first the timeline has not named yet. */
  private static int find(List<AppRecord> records, Kind kind, String videoId) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).kind() == kind && records.get(i).videoId().equals(videoId)) {
        return i;
      }
    }
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).kind() == kind && records.get(i).videoId().isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private List<AppRecord> previousRecords(AppLaunch launch, Kind kind) {
    AppLaunch previous = null;
    for (AppLaunch other : fold.launches.values()) {
      if (other.bundleId().equals(launch.bundleId()) && other.number() < launch.number()) {
        previous = other;
      }
    }
    return previous == null ? List.of() : ofKind(previous, kind);
  }

  private static List<AppRecord> ofKind(AppLaunch launch, Kind kind) {
    return launch.records().stream().filter(r -> r.kind() == kind).toList();
  }

  private static List<AppRecord> others(AppLaunch launch, Kind kind) {
    return launch.records().stream().filter(r -> r.kind() != kind).toList();
  }

  private static Kind kindOf(String file) {
    for (Kind kind : Kind.values()) {
      if (kind.archive().equals(file)) {
        return kind;
      }
    }
    return null;
  }
}
