package lab.videofarm.os.timeline;

/** Which part of the system a timeline event comes from. */
public enum Layer {
  /** The device: launches, app states, kills, relaunches, background fetch. */
  DEVICE,
  /** The network conditioner: online/offline, presets, dropped connections. */
  NETWORK,
  /** The transfer daemon: tasks it owns, bytes it moves, events it queues and hands over. */
  DAEMON,
  /** URLSession objects inside the app: creation, relinking by identifier, invalidation. */
  SESSION,
  /** Calls into the app's session delegate. */
  DELEGATE,
  /** Notifications the app broadcasts on its event bus. */
  NOTIFICATION,
  /** The app's archive files: saved, restored, quarantined. */
  ARCHIVE,
  /** Anything the app itself reports. */
  APP
}
