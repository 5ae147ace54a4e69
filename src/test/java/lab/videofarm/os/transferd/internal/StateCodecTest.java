package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.SessionSpecs;
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
      SessionSpecs.background(List.of(new HttpHeader("X-App", "1")), 3);
  private static final SessionKey KEY = SessionKey.background(SPEC.bundleId(), SPEC.identifier());

  /** One background session with one running download and one queued completion. */
  private static SessionChannel channel() {
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
    return channel;
  }

  private static Map<String, byte[]> state() throws IOException {
    return encode(new StateEntries(), channel());
  }

  private static Map<String, byte[]> encode(StateEntries entries, SessionChannel channel)
      throws IOException {
    return entries.encode(List.of(channel), Map.of(KEY, 8L), Map.of(SPEC.bundleId(), 2));
  }

  @Test
  void aDownloadComesBackWithOnlyTheBytesKnownDurable() throws Exception {
    SessionChannel session = StateCodec.decode(state(), DOWNLOADS).sessions().get(0);
    session.tasks.get(7L).bytesReceived = 9000;
    Map<String, byte[]> written = encode(new StateEntries(), session);

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
  void eachPartOfTheStateIsAnEntryOfItsOwn() throws Exception {
    assertThat(state()).containsOnlyKeys("state", "s1", "s1.t7", "s1.t7.n", "s1.e0");
  }

  @Test
  void progressChangesOnlyATaskCountsEntryOfAFewTensOfBytes() throws Exception {
    StateEntries entries = new StateEntries();
    SessionChannel channel = channel();
    Map<String, byte[]> before = encode(entries, channel);
    channel.tasks.get(7L).bytesDurable = 1_048_576;

    Map<String, byte[]> after = encode(entries, channel);

    assertThat(changedKeys(before, after)).containsExactly("s1.t7.n");
    assertThat(after.get("s1.t7.n")).hasSizeLessThan(50);
  }

  @Test
  void aTaskWhoseStateChangesHasOnlyItsDescriptionWrittenAgain() throws Exception {
    StateEntries entries = new StateEntries();
    SessionChannel channel = channel();
    Map<String, byte[]> before = encode(entries, channel);
    channel.tasks.get(7L).state = TaskState.SUSPENDED;

    Map<String, byte[]> after = encode(entries, channel);

    assertThat(changedKeys(before, after)).containsExactly("s1.t7");
    assertThat(StateCodec.decode(after, DOWNLOADS).sessions().get(0).tasks.get(7L).state)
        .isEqualTo(TaskState.SUSPENDED);
  }

  @Test
  void deliveringTheHeadOfTheQueueRemovesOneEntryAndRenumbersNoOther() throws Exception {
    StateEntries entries = new StateEntries();
    SessionChannel channel = channel();
    channel.queue.add(new SessionChannel.Pending(new TaskEvent.DidComplete(5, null, null), false));
    Map<String, byte[]> before = encode(entries, channel);
    channel.queue.removeFirst();
    channel.queue.add(new SessionChannel.Pending(new TaskEvent.DidComplete(4, null, null), false));

    Map<String, byte[]> after = encode(entries, channel);

    assertThat(before).containsKeys("s1.e0", "s1.e1");
    assertThat(after).doesNotContainKey("s1.e0").containsKeys("s1.e1", "s1.e2");
    assertThat(changedKeys(before, after)).containsExactly("s1.e2");
    assertThat(StateCodec.decode(after, DOWNLOADS).sessions().get(0).queue)
        .extracting(p -> p.event().taskIdentifier())
        .containsExactly(5L, 4L);
  }

  @Test
  void aRestoredStateWrittenAgainChangesNoEntry() throws Exception {
    StateEntries first = new StateEntries();
    SessionChannel channel = channel();
    encode(first, channel);
    channel.queue.removeFirst();
    channel.queue.add(new SessionChannel.Pending(new TaskEvent.DidComplete(5, null, null), false));
    Map<String, byte[]> saved = encode(first, channel);
    StateCodec.Restored restored = StateCodec.decode(saved, DOWNLOADS);
    StateEntries second = new StateEntries();
    second.adopt(restored);

    Map<String, byte[]> again =
        second.encode(restored.sessions(), restored.nextTaskIds(), restored.relaunchCounts());

    assertThat(saved).containsOnlyKeys("state", "s1", "s1.t7", "s1.t7.n", "s1.e1");
    assertThat(again).containsOnlyKeys(saved.keySet());
    assertThat(changedKeys(saved, again)).isEmpty();
  }

  private static List<String> changedKeys(Map<String, byte[]> before, Map<String, byte[]> after) {
    return after.keySet().stream()
        .filter(k -> !before.containsKey(k) || !Arrays.equals(before.get(k), after.get(k)))
        .toList();
  }

  @Test
  void aJournalFromBeforeConnectionsPerHostWereKeptGivesItsSessionsApplesDefault()
      throws Exception {
    Map<String, byte[]> entries =
        changed(
            state(), e -> ((ObjectNode) e.get("s1").get("spec")).remove("maxConnectionsPerHost"));

    StateCodec.Restored restored = StateCodec.decode(entries, DOWNLOADS);

    assertThat(restored.sessions().get(0).spec.httpMaximumConnectionsPerHost()).isEqualTo(6);
  }

  @Test
  void aWrittenStatePassesTheJournalsCheck() {
    assertThatCode(() -> StateCodec.check(state())).doesNotThrowAnyException();
  }

  static Stream<Arguments> damage() {
    return Stream.of(
        damage("the version is missing", "version", e -> root(e).remove("version")),
        damage("the version is text", "version", e -> root(e).put("version", "2")),
        damage("the version is one", "version 1", e -> root(e).put("version", 1)),
        damage("the state entry is missing", "state entry", e -> e.remove("state")),
        damage("a counter is text", "next", e -> counter(e).put("next", "eight")),
        damage(
            "relaunch counts are an array",
            "relaunchCounts",
            e -> root(e).putArray("relaunchCounts")),
        damage("a relaunch count is text", "lab.videofarm.app", StateCodecTest::textCount),
        damage("a task id is text", "id", e -> task(e).put("id", "seven")),
        damage("a task id is a fraction", "id", e -> task(e).put("id", 7.5)),
        damage("a task id is missing", "id", e -> task(e).remove("id")),
        damage("a task id is not its key's", "holds task 8", e -> task(e).put("id", 8)),
        damage("a task kind is unknown", "TELEPORT", e -> task(e).put("kind", "TELEPORT")),
        damage("a task state is missing", "state", e -> task(e).remove("state")),
        damage("a byte count is text", "bytesReceived", e -> counts(e).put("bytesReceived", "4k")),
        damage("a task's counts are missing", "s1.t7.n is missing", e -> e.remove("s1.t7.n")),
        damage("counts without their task", "s1.t7 is missing", e -> e.remove("s1.t7")),
        damage("a flag is a number", "forceQuit", e -> task(e).put("forceQuit", 1)),
        damage("a body type is unknown", "body type", e -> body(e).put("type", "carrier pigeon")),
        damage("a queued event type is unknown", "unknown event", StateCodecTest::unknownEvent),
        damage("a header is not a pair", "header", StateCodecTest::brokenHeader),
        damage("a session spec is missing", "spec", e -> session(e).remove("spec")),
        damage("a session is missing", "without it", e -> e.remove("s1")),
        damage(
            "a session's alias is not its key's", "says alias 2", e -> session(e).put("alias", 2)),
        damage("an entry key is unknown", "unknown entry", e -> e.put("task7", session(e))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damage")
  void aPayloadOfTheWrongShapeIsRefusedNamingWhatIsWrong(
      String name, String named, Consumer<Map<String, ObjectNode>> change) throws Exception {
    Map<String, byte[]> payload = changed(state(), change);

    assertThatThrownBy(() -> StateCodec.decode(payload, DOWNLOADS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(named);
    assertThatThrownBy(() -> StateCodec.check(payload)).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @MethodSource("notAnObject")
  void anEntryThatIsNotAnObjectIsRefused(String payload) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>(state());
    entries.put("s1.t7.n", utf8(payload));

    assertThatThrownBy(() -> StateCodec.decode(entries, DOWNLOADS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected a JSON object");
  }

  static Stream<String> notAnObject() {
    return Stream.of("null", "[]", "7", "\"state\"", "");
  }

  @Test
  void aPayloadOfANewerVersionIsRefusedAsNewerNeverReadWithDefaults() throws Exception {
    Map<String, byte[]> entries =
        changed(state(), e -> root(e).put("version", StateCodec.VERSION + 1));

    assertThatThrownBy(() -> StateCodec.decode(entries, DOWNLOADS))
        .hasMessageContaining(
            "version 3 was written by a newer daemon; this one reads versions up to 2");
  }

  static Stream<Arguments> wholeStateDamage() {
    return Stream.of(
        Arguments.of(
            "sessions is not an array", (Consumer<ObjectNode>) r -> r.put("sessions", "all")),
        Arguments.of("sessions is missing", (Consumer<ObjectNode>) r -> r.remove("sessions")),
        Arguments.of("version 2 is not", (Consumer<ObjectNode>) r -> r.put("version", 2)),
        Arguments.of("id is not a whole number", (Consumer<ObjectNode>) StateCodecTest::textId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeStateDamage")
  void aWholeStateJournalOfTheWrongShapeIsRefusedNamingWhatIsWrong(
      String named, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(wholeState());
    change.accept(root);
    byte[] payload = JSON.writeValueAsBytes(root);

    assertThatThrownBy(() -> StateCodec.entriesOfWholeState(payload))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(named);
  }

  /** The payload of a journal of the whole-state format, as the daemon before entries wrote. */
  private static byte[] wholeState() throws IOException {
    try (InputStream in = StateCodecTest.class.getResourceAsStream("journal-format-1.dat")) {
      byte[] all = in.readAllBytes();
      return Arrays.copyOfRange(all, Journal.HEADER_LENGTH, all.length);
    }
  }

  private static void textId(ObjectNode root) {
    ((ObjectNode) root.get("sessions").get(0).get("tasks").get(0)).put("id", "seven");
  }

  private static Arguments damage(
      String name, String named, Consumer<Map<String, ObjectNode>> change) {
    return Arguments.of(name, named, change);
  }

  /** {@code entries} with their JSON as {@code change} leaves it. */
  private static Map<String, byte[]> changed(
      Map<String, byte[]> entries, Consumer<Map<String, ObjectNode>> change) throws IOException {
    Map<String, ObjectNode> trees = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      trees.put(entry.getKey(), (ObjectNode) JSON.readTree(entry.getValue()));
    }
    change.accept(trees);
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, ObjectNode> entry : trees.entrySet()) {
      out.put(entry.getKey(), JSON.writeValueAsBytes(entry.getValue()));
    }
    return out;
  }

  private static ObjectNode root(Map<String, ObjectNode> entries) {
    return entries.get("state");
  }

  private static ObjectNode session(Map<String, ObjectNode> entries) {
    return entries.get("s1");
  }

  private static ObjectNode task(Map<String, ObjectNode> entries) {
    return entries.get("s1.t7");
  }

  private static ObjectNode counts(Map<String, ObjectNode> entries) {
    return entries.get("s1.t7.n");
  }

  private static ObjectNode body(Map<String, ObjectNode> entries) {
    return (ObjectNode) task(entries).get("body");
  }

  private static ObjectNode counter(Map<String, ObjectNode> entries) {
    return (ObjectNode) root(entries).get("nextTaskIds").get(0);
  }

  private static void textCount(Map<String, ObjectNode> entries) {
    ((ObjectNode) root(entries).get("relaunchCounts")).put("lab.videofarm.app", "two");
  }

  private static void unknownEvent(Map<String, ObjectNode> entries) {
    entries.get("s1.e0").put("type", "didTeleport");
  }

  private static void brokenHeader(Map<String, ObjectNode> entries) {
    ((ObjectNode) session(entries).get("spec")).putArray("additionalHeaders").add("X-App: 1");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
