package lab.videofarm.app.archive;

import java.io.IOException;

/** An archive file that parsed as JSON but is not an archive this app can read. */
final class DamagedArchiveException extends IOException {
  DamagedArchiveException(String problem) {
    super(problem);
  }
}
