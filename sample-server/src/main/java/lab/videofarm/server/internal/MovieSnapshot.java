package lab.videofarm.server.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;

/**
 * A movie as it was when a request opened it: the open file and the validators that belong to those
 * very bytes. A replacement renames a new file over the name, so this channel keeps reading the old
 * bytes and the answer never mixes two versions.
 */
record MovieSnapshot(FileChannel channel, long size, Instant lastModified, String etag)
    implements AutoCloseable {
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // A read-only channel has nothing to flush; nothing is lost.
    }
  }
}
