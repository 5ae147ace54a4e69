package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The journal payload: what it keeps, and every shape of it that is refused as damage. */
class StateCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOWNLOADS = Path.of("downloads");
  private static final SessionSpec SPEC =
      new SessionSpec(
          "lab.videofarm.app",
          1,
          "lab.videofarm.background",
          Duration.ofSeconds(60),
          Duration.ofDays(7),
          true,
          true,
          false,
          List.of(new HttpHeader("X-App", "1")),
          3);
  private static final SessionKey KEY = SessionKey.background(SPEC.bundleId(), SPEC.identifier());

  /** One background session with one running download and one queued completion. */
  private static byte[] state() throws IOException {
    SessionChannel channel = new SessionChannel(KEY, SPEC);
    TaskRecord task =
        new TaskRecord(
            channel,
            7,
            new TaskSpec(
                TaskKind.DOWNLOAD,
                new RequestInfo("GET", URI.create("http://127.0.0.1:9/videos/x/movie"), List.of()),
                null,
                null,
                "the movie",
                null),
            1);
    task.state = TaskState.RUNNING;
    task.bytesReceived = 4096;
    task.bytesDurable = 4096;
    task.validator = "\"v1\"";
    channel.tasks.put(task.id, task);
    channel.queue.add(new SessionChannel.Pending(new TaskEvent.DidComplete(6, null, null), false));
    return StateCodec.encode(
        List.of(channel), Map.of(KEY, 8L), Map.of(SPEC.bundleId(), 2), DOWNLOADS);
  }

  @Test
  void aDownloadComesBackWithOnlyTheBytesKnownDurable() throws Exception {
    SessionChannel session = StateCodec.decode(state(), DOWNLOADS).sessions().get(0);
    session.tasks.get(7L).bytesReceived = 9000;
    byte[] written =
        StateCodec.encode(List.of(session), Map.of(KEY, 8L), Map.of(SPEC.bundleId(), 2), DOWNLOADS);

    TaskRecord task = StateCodec.decode(written, DOWNLOADS).sessions().get(0).tasks.get(7L);

    assertThat(task.bytesReceived).isEqualTo(4096);
    assertThat(task.bytesDurable).isEqualTo(4096);
  }

  @Test
  void aStateComesBackAsItWasWritten() throws Exception {
    StateCodec.Restored restored = StateCodec.decode(state(), DOWNLOADS);

    assertThat(restored.nextTaskIds()).containsEntry(KEY, 8L);
    assertThat(restored.relaunchCounts()).containsEntry(SPEC.bundleId(), 2);
    SessionChannel session = restored.sessions().get(0);
    assertThat(session.spec).isEqualTo(SPEC);
    TaskRecord task = session.tasks.get(7L);
    assertThat(task.description).isEqualTo("the movie");
    assertThat(task.state).isEqualTo(TaskState.RUNNING);
    assertThat(task.bytesReceived).isEqualTo(4096);
    assertThat(task.validator).isEqualTo("\"v1\"");
    assertThat(session.queue).extracting(p -> p.event().taskIdentifier()).containsExactly(6L);
  }

  @Test
  void aJournalFromBeforeConnectionsPerHostWereKeptGivesItsSessionsApplesDefault()
      throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(state());
    ((ObjectNode) session(root).get("spec")).remove("maxConnectionsPerHost");

    StateCodec.Restored restored = StateCodec.decode(JSON.writeValueAsBytes(root), DOWNLOADS);

    assertThat(restored.sessions().get(0).spec.httpMaximumConnectionsPerHost()).isEqualTo(6);
  }

  @Test
  void aWrittenStatePassesTheJournalsCheck() {
    assertThatCode(() -> StateCodec.check(state())).doesNotThrowAnyException();
  }

  static Stream<Arguments> damage() {
    return Stream.of(
        damage("the version is missing", "version", root -> root.remove("version")),
        damage("the version is text", "version", root -> root.put("version", "1")),
        damage("the version is zero", "version 0", root -> root.put("version", 0)),
        damage("sessions is not an array", "sessions", root -> root.put("sessions", "none")),
        damage("sessions is null", "sessions", root -> root.putNull("sessions")),
        damage("sessions is missing", "sessions", root -> root.remove("sessions")),
        damage("a counter is text", "next", root -> counter(root).put("next", "eight")),
        damage("relaunch counts are an array", "relaunchCounts", r -> r.putArray("relaunchCounts")),
        damage("a relaunch count is text", "lab.videofarm.app", StateCodecTest::textCount),
        damage("a task id is text", "id", root -> task(root).put("id", "seven")),
        damage("a task id is a fraction", "id", root -> task(root).put("id", 7.5)),
        damage("a task id is missing", "id", root -> task(root).remove("id")),
        damage("a task kind is unknown", "TELEPORT", root -> task(root).put("kind", "TELEPORT")),
        damage("a task state is missing", "state", root -> task(root).remove("state")),
        damage("a byte count is text", "bytesReceived", r -> task(r).put("bytesReceived", "4k")),
        damage("a flag is a number", "forceQuit", root -> task(root).put("forceQuit", 1)),
        damage("a body type is unknown", "body type", r -> body(r).put("type", "carrier pigeon")),
        damage("a queued event type is unknown", "unknown event", StateCodecTest::unknownEvent),
        damage("a header is not a pair", "header", StateCodecTest::brokenHeader),
        damage("a session spec is missing", "spec", root -> session(root).remove("spec")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damage")
  void aPayloadOfTheWrongShapeIsRefusedNamingWhatIsWrong(
      String name, String named, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(state());
    change.accept(root);
    byte[] payload = JSON.writeValueAsBytes(root);

    assertThatThrownBy(() -> StateCodec.decode(payload, DOWNLOADS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(named);
    assertThatThrownBy(() -> StateCodec.check(payload)).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @MethodSource("notAnObject")
  void aPayloadThatIsNotAnObjectIsRefused(String payload) {
    assertThatThrownBy(() -> StateCodec.decode(utf8(payload), DOWNLOADS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected a JSON object");
  }

  static Stream<String> notAnObject() {
    return Stream.of("null", "[]", "7", "\"state\"", "");
  }

  @Test
  void aPayloadOfANewerVersionIsRefusedAsNewerNeverReadWithDefaults() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(state());
    root.put("version", StateCodec.VERSION + 1);

    assertThatThrownBy(() -> StateCodec.decode(JSON.writeValueAsBytes(root), DOWNLOADS))
        .hasMessageContaining("version 2 was written by a newer daemon; this one reads version 1");
  }

  private static Arguments damage(String name, String named, Consumer<ObjectNode> change) {
    return Arguments.of(name, named, change);
  }

  private static ObjectNode session(ObjectNode root) {
    return (ObjectNode) root.get("sessions").get(0);
  }

  private static ObjectNode task(ObjectNode root) {
    return (ObjectNode) session(root).get("tasks").get(0);
  }

  private static ObjectNode body(ObjectNode root) {
    return (ObjectNode) task(root).get("body");
  }

  private static ObjectNode counter(ObjectNode root) {
    return (ObjectNode) root.get("nextTaskIds").get(0);
  }

  private static void textCount(ObjectNode root) {
    ((ObjectNode) root.get("relaunchCounts")).put("lab.videofarm.app", "two");
  }

  private static void unknownEvent(ObjectNode root) {
    ((ObjectNode) session(root).get("queue").get(0)).put("type", "didTeleport");
  }

  private static void brokenHeader(ObjectNode root) {
    ((ObjectNode) session(root).get("spec")).putArray("additionalHeaders").add("X-App: 1");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
