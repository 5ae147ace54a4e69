package lab.videofarm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Another client of a running sample server: makes videos with movies, replaces movies and reads
 * them back, over real HTTP (Apache HttpClient 5 classic, no compression so byte counts mean bytes,
 * no redirects followed). Every call checks the status it expects and fails the test otherwise.
 */
public final class SampleVideos implements AutoCloseable {
  private static final ContentType MP4 = ContentType.create("video/mp4");
  private static final ContentType TEXT =
      ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

  private final URI base;
  private final CloseableHttpClient http =
      HttpClients.custom()
          .disableContentCompression()
          .disableRedirectHandling()
          .disableAutomaticRetries()
          .build();

  /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:54321/}. */
  public SampleVideos(URI base) {
    this.base = base;
  }

  /** A finished exchange; test bodies are small, so it is read whole. */
  private record Reply(int status, byte[] body, Header etag) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A {@code POST /videos} body as bytes, for a client other than this one to send. */
  public record Form(String contentType, byte[] body) {}

  /** The multipart form that creates a video titled {@code title}. */
  public static Form videoForm(String title) {
    HttpEntity entity = videoEntity(title);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      entity.writeTo(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Form(entity.getContentType(), body.toByteArray());
  }

  /** Creates a video without a movie ({@code POST /videos}); returns its id. */
  public String createVideo(String title) throws IOException {
    HttpPost post = new HttpPost(base.resolve("videos"));
    post.setEntity(videoEntity(title));
    Reply reply = execute(post);
    assertThat(reply.status()).as(reply.text()).isEqualTo(303);
    return new ObjectMapper().readTree(reply.body()).get("id").asText();
  }

  /** Creates a video whose movie is {@code movie}; returns the movie's URL. */
  public URI videoWithMovie(byte[] movie) throws IOException {
    URI url = movieUrl(createVideo("clip " + System.nanoTime()));
    putMovie(url, movie, 201);
    return url;
  }

  /** Replaces a movie with new bytes, as another client would. */
  public void replaceMovie(URI movieUrl, byte[] movie) throws IOException {
    putMovie(movieUrl, movie, 204);
  }

  /** The URL of a video's movie. */
  public URI movieUrl(String id) {
    return base.resolve("videos/" + id + "/movie");
  }

  /** The bytes the server now holds at {@code url}. */
  public byte[] fetch(URI url) throws IOException {
    Reply reply = execute(new HttpGet(url));
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  /** The movie's current strong ETag. */
  public String etag(URI movieUrl) throws IOException {
    HttpGet get = new HttpGet(movieUrl);
    get.addHeader("Range", "bytes=0-0");
    Reply reply = execute(get);
    assertThat(reply.etag()).as("ETag of " + movieUrl).isNotNull();
    return reply.etag().getValue();
  }

  private void putMovie(URI url, byte[] movie, int expectedStatus) throws IOException {
    HttpPut put = new HttpPut(url);
    put.setEntity(new ByteArrayEntity(movie, MP4));
    Reply reply = execute(put);
    assertThat(reply.status()).as(reply.text()).isEqualTo(expectedStatus);
  }

  private Reply execute(ClassicHttpRequest request) throws IOException {
    return http.execute(
        request,
        response ->
            new Reply(
                response.getCode(),
                response.getEntity() == null
                    ? new byte[0]
                    : EntityUtils.toByteArray(response.getEntity()),
                response.getFirstHeader("ETag")));
  }

  private static HttpEntity videoEntity(String title) {
    return MultipartEntityBuilder.create()
        .addTextBody("title", title, TEXT)
        .addTextBody("description", "test", TEXT)
        .addBinaryBody("thumbnail", png(), ContentType.IMAGE_PNG, "thumb.png")
        .build();
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
