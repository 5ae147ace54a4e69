package lab.videofarm.os.device.internal;

import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/** The device's entries on the timeline ({@link Layer#DEVICE}); never about one task. */
public final class DeviceLog {
  private final Timeline timeline;

  public DeviceLog(Timeline timeline) {
    this.timeline = timeline;
  }

  Timeline timeline() {
    return timeline;
  }

  public void info(int launch, String sessionId, String what, String detail) {
    post(launch, sessionId, what, detail, Severity.INFO);
  }

  public void post(int launch, String sessionId, String what, String detail, Severity severity) {
    timeline.post(Layer.DEVICE, launch, sessionId, TimelineEvent.NO_TASK, what, detail, severity);
  }
}
