package lab.videofarm.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * A real HTTP client for the contract tests: Apache HttpClient 5 classic, no compression (byte
 * offsets must mean bytes), no redirects followed, no retries.
 */
final class TestHttp implements AutoCloseable {
  private final CloseableHttpClient client =
      HttpClients.custom()
          .disableContentCompression()
          .disableRedirectHandling()
          .disableAutomaticRetries()
          .build();
  private final URI base;

  TestHttp(URI base) {
    this.base = base;
  }

  /** A finished exchange, body read completely (tests use small bodies). */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Reply send(String method, String path, String... headerPairs) throws IOException {
    return send(method, path, null, headerPairs);
  }

  Reply send(String method, String path, HttpEntity entity, String... headerPairs)
      throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(path));
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.addHeader(headerPairs[i], headerPairs[i + 1]);
    }
    if (entity != null) {
      request.setEntity(entity);
      // As a well-behaved client with a big body does: a server that refuses the request from
      // its headers (413) can say so before the body is sent into a closing connection.
      request.setConfig(RequestConfig.custom().setExpectContinueEnabled(true).build());
    }
    return client.execute(
        request,
        response -> {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header header : response.getHeaders()) {
            headers.merge(
                header.getName().toLowerCase(java.util.Locale.ROOT),
                header.getValue(),
                (a, b) -> a + ", " + b);
          }
          byte[] body =
              response.getEntity() == null
                  ? new byte[0]
                  : EntityUtils.toByteArray(response.getEntity());
          return new Reply(response.getCode(), headers, body);
        });
  }

  Reply get(String path, String... headers) throws IOException {
    return send("GET", path, headers);
  }

  Reply put(String path, byte[] body) throws IOException {
    return send("PUT", path, new ByteArrayEntity(body, ContentType.APPLICATION_OCTET_STREAM));
  }

  Reply putJson(String path, String json) throws IOException {
    return send("PUT", path, new StringEntity(json, ContentType.APPLICATION_JSON));
  }

  Reply postVideo(String title, String description, byte[] thumbnail) throws IOException {
    MultipartEntityBuilder form = MultipartEntityBuilder.create();
    if (title != null) {
      form.addTextBody("title", title, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
    }
    if (description != null) {
      form.addTextBody(
          "description", description, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
    }
    if (thumbnail != null) {
      form.addBinaryBody("thumbnail", thumbnail, ContentType.APPLICATION_OCTET_STREAM, "any.name");
    }
    return send("POST", "/videos", form.build());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
