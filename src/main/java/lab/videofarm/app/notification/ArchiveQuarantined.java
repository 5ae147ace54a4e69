package lab.videofarm.app.notification;

import java.nio.file.Path;

/**
 * An archive could not be read and was moved aside; the app started without what it held.
 *
 * @param archive the archive's file name, such as {@code downloads.json}
 * @param quarantinedAs where the damaged file is now, kept for whoever wants to look
 * @param problem why it could not be read
 */
public record ArchiveQuarantined(String archive, Path quarantinedAs, String problem)
    implements Notification {

  @Override
  public String summary() {
    return archive + " moved to " + quarantinedAs.getFileName() + ": " + problem;
  }
}
