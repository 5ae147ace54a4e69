package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request an attempt sends, built from where it starts; nothing goes over the wire here. */
class RequestBuilderTest {
  private static final URI URL = URI.create("http://127.0.0.1:9/videos/7/movie");

  @TempDir Path root;
  final HttpTransport transport = new HttpTransport();

  @AfterEach
  void closeTransport() throws Exception {
    transport.close();
  }

  @Test
  void aContinuedDownloadAsksForTheRestOnlyIfItsBytesAreStillCurrent() throws Exception {
    RequestBuilder.Exchange exchange =
        prepare(start(TaskKind.DOWNLOAD, List.of(), List.of(), 4096, "\"v1\"", null, null));

    assertThat(exchange.request().getFirstHeader("Range").getValue()).isEqualTo("bytes=4096-");
    assertThat(exchange.request().getFirstHeader("If-Range").getValue()).isEqualTo("\"v1\"");
    assertThat(exchange.append()).isFalse();
  }

  @Test
  void aDownloadFromTheStartSendsNoRange() throws Exception {
    RequestBuilder.Exchange exchange =
        prepare(start(TaskKind.DOWNLOAD, List.of(), List.of(), 0, null, null, null));

    assertThat(exchange.request().containsHeader("Range")).isFalse();
    assertThat(exchange.request().containsHeader("If-Range")).isFalse();
  }

  @Test
  void theSessionsHeadersFillInOnlyWhatTheAppDidNotSetItself() throws Exception {
    List<HttpHeader> app = List.of(new HttpHeader("X-Client", "app"));
    List<HttpHeader> session =
        List.of(new HttpHeader("X-Client", "session"), new HttpHeader("X-Session", "yes"));

    RequestBuilder.Exchange exchange =
        prepare(start(TaskKind.DATA, app, session, 0, null, null, null));

    assertThat(values(exchange.request().getHeaders("X-Client"))).containsExactly("app");
    assertThat(values(exchange.request().getHeaders("X-Session"))).containsExactly("yes");
  }

  @Test
  void headersTheClientSetsItselfAreNotCopiedFromTheApp() throws Exception {
    List<HttpHeader> app =
        List.of(
            new HttpHeader("Content-Length", "5"),
            new HttpHeader("Host", "elsewhere"),
            new HttpHeader("Accept", "application/json"));

    RequestBuilder.Exchange exchange =
        prepare(start(TaskKind.DATA, app, List.of(), 0, null, null, null));

    assertThat(exchange.request().containsHeader("Content-Length")).isFalse();
    assertThat(exchange.request().containsHeader("Host")).isFalse();
    assertThat(exchange.request().getFirstHeader("Accept").getValue())
        .isEqualTo("application/json");
  }

  @Test
  void anUploadFromAFileAnnouncesResumableUploadsAndWaitsForTheServersAnswer() throws Exception {
    Path file = Files.write(root.resolve("movie.mp4"), new byte[1000]);
    List<HttpHeader> app = List.of(new HttpHeader("Content-Type", "video/mp4"));

    RequestBuilder.Exchange exchange =
        prepare(
            new TransferCall.Start(
                TaskKind.UPLOAD,
                new RequestInfo("PUT", URL, app),
                new UploadBody.FromFile(file),
                List.of(),
                0,
                null,
                file,
                null,
                ResumableUploadDraft.CURRENT));

    HttpEntity body = exchange.request().getEntity();
    assertThat(body.getContentLength()).isEqualTo(1000);
    assertThat(body.getContentType()).startsWith("video/mp4");
    assertThat(exchange.request().getFirstHeader("Upload-Draft-Interop-Version").getValue())
        .isEqualTo("3");
    assertThat(exchange.request().getFirstHeader("Expect").getValue()).isEqualTo("100-continue");
  }

  @Test
  void anUploadOfDataIsNotAnnouncedAsResumable() throws Exception {
    RequestBuilder.Exchange exchange =
        prepare(
            new TransferCall.Start(
                TaskKind.UPLOAD,
                new RequestInfo("POST", URL, List.of()),
                new UploadBody.FromData(new byte[] {1, 2, 3}),
                List.of(),
                0,
                null,
                null,
                null,
                null));

    assertThat(exchange.request().getEntity().getContentLength()).isEqualTo(3);
    assertThat(exchange.request().containsHeader("Upload-Draft-Interop-Version")).isFalse();
    assertThat(exchange.request().containsHeader("Expect")).isFalse();
  }

  private RequestBuilder.Exchange prepare(TransferCall.Start start) throws Exception {
    Attempt attempt = new Attempt(Instant.now());
    NetworkConditioner network = new NetworkConditioner(new Timeline(new ManualClock()));
    TransferCallTest.FakeListener listener =
        new TransferCallTest.FakeListener(start, root.resolve("unused"));
    return new RequestBuilder(listener, attempt, transport, new Link(network, attempt))
        .prepare(start);
  }

  private static TransferCall.Start start(
      TaskKind kind,
      List<HttpHeader> headers,
      List<HttpHeader> sessionHeaders,
      long offset,
      String validator,
      Path uploadFile,
      URI uploadResource) {
    return new TransferCall.Start(
        kind,
        new RequestInfo("GET", URL, headers),
        null,
        sessionHeaders,
        offset,
        validator,
        uploadFile,
        uploadResource,
        null);
  }

  private static List<String> values(Header[] headers) {
    return Arrays.stream(headers).map(Header::getValue).toList();
  }
}
