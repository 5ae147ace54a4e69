package lab.videofarm.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running parts of a sample server: the store on disk and one Jetty server with one connector.
 * Started once, closed once.
 */
public final class ServerRuntime implements AutoCloseable {
  /** What a server is started with. */
  public record Settings(
      Path dataDirectory,
      String bindAddress,
      int port,
      long maxUploadBytes,
      boolean seed,
      Duration uploadResourceLifetime,
      Duration requestHeadTimeout,
      int sendBufferBytes) {}

  private final Settings settings;
  private final Faults faults;
  private final Clock clock;
  private final RequestJournal journal = new RequestJournal();
  private final ObjectMapper json = Json.newMapper();
  private VideoStore store;
  private Server server;
  private URI baseUrl;

  public ServerRuntime(Settings settings, Faults faults, Clock clock) {
    this.settings = settings;
    this.faults = faults;
    this.clock = clock;
  }

  /**
   * Opens (and on first use seeds) the data directory, runs {@code beforeListening} (the store is
   * open by then), then starts listening.
   */
  public URI start(Runnable beforeListening) throws IOException {
    openStore();
    beforeListening.run();
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("sample-server");
    threads.setDaemon(true);
    server = new Server(threads);
    ServerConnector connector = connector(server);
    server.addConnector(connector);
    server.addBean(
        new RequestHeadDeadline(connector, server.getScheduler(), settings.requestHeadTimeout()));
    server.setErrorHandler(new JsonErrorHandler(json));
    server.setHandler(new RecordingHandler(videoApi(), faults, journal, clock, threads));
    try {
      server.start();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("could not start the sample server", e);
    }
    baseUrl = baseUrl(settings.bindAddress(), connector.getLocalPort());
    return baseUrl;
  }

  /**
   * The seed's generated files are cached per catalogue version and user in the temp directory, so
   * later seeds copy them instead of generating them again.
   */
  private void openStore() throws IOException {
    Files.createDirectories(settings.dataDirectory());
    store = VideoStore.open(settings.dataDirectory(), clock, json);
    if (settings.seed() && store.isEmpty()) {
      SampleCatalogue.seed(
          store,
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "videofarm-sample-catalogue-v"
                  + SampleCatalogue.VERSION
                  + "-"
                  + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_-]", "_")));
    }
  }

  private ServerConnector connector(Server server) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.bindAddress());
    connector.setPort(settings.port());
    connector.setIdleTimeout(30_000);
    if (settings.sendBufferBytes() > 0) {
      connector.setAcceptedSendBufferSize(settings.sendBufferBytes());
    }
    return connector;
  }

  private VideoApi videoApi() throws IOException {
    UploadResources uploads =
        new UploadResources(
            settings.dataDirectory().resolve(UploadResources.FOLDER),
            clock,
            settings.uploadResourceLifetime(),
            json);
    return new VideoApi(store, faults, json, settings.maxUploadBytes(), uploads);
  }

  private static URI baseUrl(String bindAddress, int port) throws IOException {
    InetAddress address = InetAddress.getByName(bindAddress);
    String host =
        address.isAnyLocalAddress()
            ? "127.0.0.1"
            : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : bindAddress;
    return URI.create("http://" + host + ":" + port + "/");
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public VideoStore store() {
    return store;
  }

  public RequestJournal journal() {
    return journal;
  }

  @Override
  public void close() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the sample server", e);
    }
  }
}
