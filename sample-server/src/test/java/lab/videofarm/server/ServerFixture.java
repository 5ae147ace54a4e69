package lab.videofarm.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One unseeded server and a client on it, closed together. */
final class ServerFixture implements AutoCloseable {
  final SampleServer server;
  final TestHttp http;
  final URI base;

  private ServerFixture(SampleServer server) throws Exception {
    this.server = server;
    this.base = server.start();
    this.http = new TestHttp(base);
  }

  static ServerFixture start(Path data) throws Exception {
    return start(data, b -> {});
  }

  static ServerFixture start(Path data, Consumer<SampleServer.Builder> configure) throws Exception {
    SampleServer.Builder builder = SampleServer.builder().dataDirectory(data).seed(false);
    configure.accept(builder);
    return new ServerFixture(builder.build());
  }

  @Override
  public void close() {
    http.close();
    server.close();
  }
}
