/**
 * The timeline: every step of the story — a launch, a task created by the daemon, a delegate call,
 * a notification, an archive restored — as a {@link lab.videofarm.os.timeline.TimelineEvent}, plain
 * data tagged with its {@link lab.videofarm.os.timeline.Layer}, the app launch, the session
 * identifier and the task identifier. The instructor's window shows it; tests assert on it.
 */
package lab.videofarm.os.timeline;
