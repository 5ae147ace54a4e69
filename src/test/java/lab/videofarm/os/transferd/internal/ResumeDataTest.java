package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import org.junit.jupiter.api.Test;

class ResumeDataTest {
  private final RequestInfo request =
      new RequestInfo(
          "GET",
          URI.create("http://127.0.0.1:1/videos/a/movie"),
          List.of(new HttpHeader("X-App", "1")));
  private final ResumeData data =
      new ResumeData(
          URI.create("http://127.0.0.1:1/videos/a/movie"),
          4096,
          10_000,
          "\"abc\"",
          "CFNetworkDownload_1234.tmp",
          request,
          request);

  @Test
  void encodedResumeDataDecodesToTheSameValue() throws Exception {
    assertThat(ResumeData.decode(data.encode())).isEqualTo(data);
  }

  @Test
  void theEncodingNamesItsFormatAndVersion() {
    String text = new String(data.encode(), StandardCharsets.UTF_8);

    assertThat(text).contains("\"format\":\"" + ResumeData.FORMAT + "\"").contains("\"version\":1");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> ResumeData.decode("not resume data".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ResumeData.InvalidResumeDataException.class);
  }

  @Test
  void emptyResumeDataIsRefused() {
    assertThatThrownBy(() -> ResumeData.decode(new byte[0]))
        .isInstanceOf(ResumeData.InvalidResumeDataException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void anUnknownVersionIsRefused() {
    String text =
        new String(data.encode(), StandardCharsets.UTF_8)
            .replace("\"version\":1", "\"version\":99");

    assertThatThrownBy(() -> ResumeData.decode(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ResumeData.InvalidResumeDataException.class)
        .hasMessageContaining("version 99");
  }

  @Test
  void aFileNameThatLeavesTheDownloadFolderIsRefused() {
    String text =
        new String(data.encode(), StandardCharsets.UTF_8)
            .replace("CFNetworkDownload_1234.tmp", "../journal.dat");

    assertThatThrownBy(() -> ResumeData.decode(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ResumeData.InvalidResumeDataException.class);
  }
}
