package lab.videofarm.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import lab.videofarm.os.OperatingSystem;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.server.SampleServer;
import lab.videofarm.story.VideoFarmPhone;

/**
 * What the window shows: the sample server and a phone with the VideoFarm app installed, both kept
 * under one data directory ({@code server/} and {@code phone/}), so a second run picks up the
 * server's videos and the daemon's tasks where the first one stopped. Starting takes a second or
 * two: start it off the Swing thread.
 */
public final class LabRuntime implements AutoCloseable {
  public static final String APP = VideoFarmPhone.APP;

  private final SampleServer server;
  private final URI baseUrl;
  private final OperatingSystem os;

  private LabRuntime(SampleServer server, URI baseUrl, OperatingSystem os) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.os = os;
  }

  /**
   * Starts the server (seeded with sample videos on first use) and the phone under {@code root}.
   */
  public static LabRuntime start(Path root) throws IOException {
    SampleServer server = SampleServer.builder().dataDirectory(root.resolve("server")).build();
    URI base = server.start();
    try {
      OperatingSystem os = OperatingSystem.start(root.resolve("phone"));
      os.device().install(VideoFarmPhone.bundle(base));
      return new LabRuntime(server, base, os);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public SampleServer server() {
    return server;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public OperatingSystem os() {
    return os;
  }

  public Device device() {
    return os.device();
  }

  public NetworkConditioner network() {
    return os.network();
  }

  public Timeline timeline() {
    return os.timeline();
  }

  @Override
  public void close() {
    os.close();
    server.close();
  }
}
