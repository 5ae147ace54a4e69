package lab.videofarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import lab.videofarm.server.SampleServer;

/**
 * Starts VideoFarm Lab. For now: the embedded sample server on {@code videofarm-data/server} (under
 * the working directory), its base URL and its videos, running until Ctrl-C.
 */
public final class VideoFarmLab {
  private VideoFarmLab() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("videofarm-data", "server");
    SampleServer server = SampleServer.builder().dataDirectory(data).build();
    URI base = server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "videofarm-shutdown"));
    System.out.println("VideoFarm Lab");
    System.out.println("Sample server at " + base + " (data in " + data.toAbsolutePath() + ")");
    printVideos(base);
    System.out.println("Ctrl-C stops it.");
    stopped.await();
  }

  /** Asks the server over HTTP, as every client of it does. */
  private static void printVideos(URI base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("videos")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode videos = new ObjectMapper().readTree(response.body());
    for (JsonNode video : videos) {
      System.out.printf(
          "  %s  %-24s %-7s %8d bytes  %s%n",
          video.get("id").asText(),
          video.get("title").asText(),
          video.get("movieStatus").asText(),
          video.get("movieSize").asLong(),
          video.get("movieURL").asText());
    }
  }
}
