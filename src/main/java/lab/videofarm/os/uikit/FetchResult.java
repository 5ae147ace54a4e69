package lab.videofarm.os.uikit;

/** What a background fetch found, as {@code UIBackgroundFetchResult}. */
public enum FetchResult {
  NEW_DATA,
  NO_DATA,
  FAILED
}
