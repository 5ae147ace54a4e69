package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCatalogueTest {
  @TempDir Path data;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private TestHttp startUnseeded() throws Exception {
    fixture = ServerFixture.start(data);
    return fixture.http;
  }

  private TestHttp startSeeded() throws Exception {
    fixture = ServerFixture.start(data, b -> b.seed(true));
    return fixture.http;
  }

  @Test
  void postingAFormCreatesAVideoAndRedirectsToIt() throws Exception {
    TestHttp http = startUnseeded();

    TestHttp.Reply created = http.postVideo("My cow", "She moos", Fixtures.png());

    assertThat(created.status()).isEqualTo(303);
    String location = created.header("Location").orElseThrow();
    assertThat(location).matches("/videos/[A-Za-z0-9_-]+");
    TestHttp.Reply video = http.get(location);
    assertThat(video.status()).isEqualTo(200);
    JsonNode json = Fixtures.json(video);
    assertThat(json.get("id").asText()).isEqualTo(location.substring("/videos/".length()));
    assertThat(json.get("title").asText()).isEqualTo("My cow");
    assertThat(json.get("description").asText()).isEqualTo("She moos");
    assertThat(json.get("movieStatus").asText()).isEqualTo("missing");
    assertThat(json.get("movieSize").asLong()).isZero();
    assertThat(Instant.parse(json.get("createdAt").asText())).isNotNull();
  }

  @Test
  void videoUrlsAreAbsoluteAndFollowTheHostTheClientUsed() throws Exception {
    TestHttp http = startUnseeded();
    String id = Fixtures.createVideo(http, "Cow");

    JsonNode viaIp = Fixtures.json(http.get("/videos/" + id));
    JsonNode viaName =
        Fixtures.json(http.get("/videos/" + id, "Host", "farm.example:" + fixture.base.getPort()));

    assertThat(viaIp.get("movieURL").asText())
        .isEqualTo(fixture.base.resolve("/videos/" + id + "/movie").toString());
    assertThat(viaIp.get("thumbnailURL").asText())
        .isEqualTo(fixture.base.resolve("/videos/" + id + "/thumbnail").toString());
    assertThat(viaName.get("movieURL").asText())
        .isEqualTo("http://farm.example:" + fixture.base.getPort() + "/videos/" + id + "/movie");
  }

  @Test
  void theListKeepsCreationOrder() throws Exception {
    TestHttp http = startUnseeded();
    List<String> created = new ArrayList<>();
    for (String title : new String[] {"Zebra", "Apple", "Mango", "Banana"}) {
      created.add(Fixtures.createVideo(http, title));
    }

    TestHttp.Reply list = http.get("/videos");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("Content-Type").orElseThrow()).startsWith("application/json");
    List<String> listed = new ArrayList<>();
    Fixtures.json(list).forEach(v -> listed.add(v.get("id").asText()));
    assertThat(listed).isEqualTo(created);
  }

  @Test
  void aFreshServerListsNothingWithoutSeeding() throws Exception {
    TestHttp http = startUnseeded();

    assertThat(http.get("/videos").text()).isEqualTo("[]");
  }

  @Test
  void aVideoShowsItsMovieOnceUploaded() throws Exception {
    TestHttp http = startUnseeded();
    String id = Fixtures.createVideo(http, "Cow");

    byte[] movie = Fixtures.bytes(1234, 1);
    TestHttp.Reply put = http.put("/videos/" + id + "/movie", movie);

    assertThat(put.status()).isEqualTo(201);
    JsonNode video = Fixtures.json(http.get("/videos/" + id));
    assertThat(video.get("movieStatus").asText()).isEqualTo("ready");
    assertThat(video.get("movieSize").asLong()).isEqualTo(movie.length);
  }

  @Test
  void aPngThumbnailComesBackAsPng() throws Exception {
    TestHttp http = startUnseeded();
    byte[] png = Fixtures.png();
    String id = Fixtures.json(http.postVideo("Cow", "", png)).get("id").asText();

    TestHttp.Reply thumbnail = http.get("/videos/" + id + "/thumbnail");

    assertThat(thumbnail.status()).isEqualTo(200);
    assertThat(thumbnail.header("Content-Type")).contains("image/png");
    assertThat(thumbnail.body()).isEqualTo(png);
  }

  @Test
  void aJpegThumbnailComesBackAsJpeg() throws Exception {
    TestHttp http = startUnseeded();
    byte[] jpeg = Fixtures.jpeg();
    String id = Fixtures.json(http.postVideo("Cow", "", jpeg)).get("id").asText();

    TestHttp.Reply thumbnail = http.get("/videos/" + id + "/thumbnail");

    assertThat(thumbnail.header("Content-Type")).contains("image/jpeg");
    assertThat(thumbnail.body()).isEqualTo(jpeg);
  }

  @Test
  void titlesAndDescriptionsKeepTheirCharacters() throws Exception {
    TestHttp http = startUnseeded();
    String title = "Kühe im Schnee 🐄";

    String id = Fixtures.json(http.postVideo(title, "déjà vu", Fixtures.png())).get("id").asText();

    JsonNode video = Fixtures.json(http.get("/videos/" + id));
    assertThat(video.get("title").asText()).isEqualTo(title);
    assertThat(video.get("description").asText()).isEqualTo("déjà vu");
  }

  @Test
  void aTitleInTheCharsetItsPartDeclaresIsReadInThatCharset() throws Exception {
    TestHttp http = startUnseeded();
    MultipartEntityBuilder form = MultipartEntityBuilder.create();
    form.addTextBody(
        "title", "Kühe", ContentType.TEXT_PLAIN.withCharset(StandardCharsets.ISO_8859_1));
    form.addBinaryBody("thumbnail", Fixtures.png(), ContentType.IMAGE_PNG, "t.png");

    TestHttp.Reply created = http.send("POST", "/videos", form.build());

    assertThat(created.status()).as(created.text()).isEqualTo(303);
    assertThat(Fixtures.json(created).get("title").asText()).isEqualTo("Kühe");
  }

  @Test
  void theCreationDateComesFromTheClock() throws Exception {
    Instant now = Instant.parse("2030-01-02T03:04:05Z");
    fixture = ServerFixture.start(data, b -> b.clock(Clock.fixed(now, ZoneOffset.UTC)));

    String id = Fixtures.createVideo(fixture.http, "Cow");

    assertThat(Fixtures.json(fixture.http.get("/videos/" + id)).get("createdAt").asText())
        .isEqualTo("2030-01-02T03:04:05Z");
  }

  @Test
  void aFreshDataDirectoryIsSeededWithThreeRealVideos() throws Exception {
    TestHttp http = startSeeded();

    JsonNode videos = Fixtures.json(http.get("/videos"));

    assertThat(videos).hasSize(3);
    for (JsonNode video : videos) {
      assertThat(video.get("movieStatus").asText()).isEqualTo("ready");
      String id = video.get("id").asText();
      TestHttp.Reply thumbnail = http.get("/videos/" + id + "/thumbnail");
      assertThat(thumbnail.header("Content-Type")).contains("image/png");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
      assertThat(image.getWidth()).isPositive();
      byte[] movie = http.get("/videos/" + id + "/movie").body();
      assertThat(movie).hasSize(video.get("movieSize").asInt());
      // An MP4 starts with an ftyp box.
      assertThat(new String(Arrays.copyOfRange(movie, 4, 8), StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
    }
  }

  @Test
  void videosAndMoviesSurviveARestart() throws Exception {
    TestHttp http = startUnseeded();
    byte[] movie = Fixtures.bytes(20_000, 4);
    String id = Fixtures.createVideoWithMovie(http, "Cow", movie);
    TestHttp.Reply before = http.get("/videos/" + id + "/movie");
    String list = http.get("/videos").text();
    fixture.close();

    fixture = ServerFixture.start(data);

    TestHttp again = fixture.http;
    assertThat(withoutPorts(again.get("/videos").text())).isEqualTo(withoutPorts(list));
    TestHttp.Reply after = again.get("/videos/" + id + "/movie");
    assertThat(after.body()).isEqualTo(movie);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(after.header("Last-Modified")).isEqualTo(before.header("Last-Modified"));
    String second = Fixtures.createVideo(again, "Horse");
    List<String> ids = new ArrayList<>();
    Fixtures.json(again.get("/videos")).forEach(v -> ids.add(v.get("id").asText()));
    assertThat(ids).containsExactly(id, second);
  }

  @Test
  void aSeededDirectoryIsNotSeededAgain() throws Exception {
    TestHttp http = startSeeded();
    String list = http.get("/videos").text();
    fixture.close();

    fixture = ServerFixture.start(data, b -> b.seed(true));

    assertThat(Fixtures.json(fixture.http.get("/videos"))).hasSize(3);
    assertThat(withoutPorts(fixture.http.get("/videos").text())).isEqualTo(withoutPorts(list));
  }

  @Test
  void theRootPointsAtTheVideos() throws Exception {
    TestHttp http = startUnseeded();

    assertThat(Fixtures.json(http.get("/")).get("videos").asText())
        .isEqualTo(fixture.base.resolve("/videos").toString());
  }

  /** A restarted server listens on another free port; everything else must be the same. */
  private static String withoutPorts(String json) {
    return json.replaceAll("127\\.0\\.0\\.1:\\d+/", "127.0.0.1:PORT/");
  }
}
