package lab.videofarm.os.transferd;

import java.nio.file.Path;

/** Where an upload's body comes from. Background sessions accept only {@link FromFile}. */
public sealed interface UploadBody {

  /** No body (downloads and most data tasks). */
  record None() implements UploadBody {}

  /** The bytes of a file, which must stay in place until the task completes. */
  record FromFile(Path file) implements UploadBody {}

  /** Bytes copied from the app at creation. */
  record FromData(byte[] data) implements UploadBody {
    public FromData {
      data = data.clone();
    }
  }

  /**
   * A stream the app supplies on demand: the daemon sends {@link TaskEvent.NeedNewBodyStream} and
   * the app answers with {@link DaemonConnection#provideBodyStream}.
   */
  record Streamed() implements UploadBody {}
}
