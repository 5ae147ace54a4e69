package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.EventCodec.JSON;
import static lab.videofarm.os.transferd.internal.JsonFields.array;
import static lab.videofarm.os.transferd.internal.JsonFields.flag;
import static lab.videofarm.os.transferd.internal.JsonFields.object;
import static lab.videofarm.os.transferd.internal.JsonFields.small;
import static lab.videofarm.os.transferd.internal.JsonFields.text;
import static lab.videofarm.os.transferd.internal.JsonFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.videofarm.os.transferd.SessionSpec;

/**
 * The daemon's state as the {@link Journal}'s entries of JSON ({@link StateEntries} names them):
 * the daemon-wide counters, each background session (its spec and relaunch flags), each of its
 * download and upload tasks ({@link TaskCodec}) and its queued events ({@link EventCodec}). Default
 * sessions, data tasks and progress events are process-bound and never written.
 *
 * <p>Also reads the journal of the whole-state format, one JSON document of version {@value
 * #WHOLE_STATE_VERSION} holding sessions with their tasks and queues inside.
 */
final class StateCodec {
  /** The version of the daemon-wide entry, in its {@code version} field; see {@link #decode}. */
  static final int VERSION = 2;

  /** The version of a whole-state document (a journal base of format 1). */
  static final int WHOLE_STATE_VERSION = 1;

  private StateCodec() {}

  /**
   * A saved state, with what its entries were keyed by: each session's alias and each queued
   * event's number (see {@link StateEntries}), so that writing it again changes no key.
   */
  record Restored(
      List<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      Map<String, Integer> relaunchCounts,
      Map<SessionKey, Integer> aliases,
      Map<SessionChannel.Pending, Long> eventNumbers) {}

  /**
   * The state in {@code entries}, refusing anything {@link StateEntries#encode} would not have
   * written: an entry that is not a JSON object, a field of the wrong type, a missing required
   * field or entry, an unknown enum name or key, or a {@code version} other than {@link #VERSION}
   * (a newer daemon's journal is refused by name rather than read with its new fields dropped).
   *
   * @throws IllegalStateException saying what is wrong
   */
  static Restored decode(Map<String, byte[]> entries, Path downloads) {
    try {
      return StateEntries.decode(entries, downloads);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("journal payload unreadable: " + e.getMessage(), e);
    }
  }

  /** {@link Journal}'s check of its entries: whether {@link #decode} would take them. */
  static void check(Map<String, byte[]> entries) throws IOException {
    try {
      decode(entries, Path.of("downloads"));
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
  }

  /** {@link Journal}'s reader of a whole-state base: its state, as entries. */
  static Map<String, byte[]> entriesOfWholeState(byte[] payload) throws IOException {
    Restored restored;
    try {
      restored = decodeWholeState(payload, Path.of("downloads"));
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
    return new StateEntries()
        .encode(restored.sessions(), restored.nextTaskIds(), restored.relaunchCounts());
  }

  /** The state in a whole-state document, as strictly as {@link #decode}. */
  static Restored decodeWholeState(byte[] payload, Path downloads) {
    try {
      JsonNode root = tree(payload);
      checkVersion(root, WHOLE_STATE_VERSION);
      Map<SessionKey, Long> counters = counters(root);
      Map<String, Integer> relaunchCounts = relaunchCounts(root);
      List<SessionChannel> sessions = new ArrayList<>();
      for (JsonNode node : array(root, "sessions")) {
        SessionChannel channel = session(node);
        for (JsonNode taskNode : array(node, "tasks")) {
          TaskRecord task = TaskCodec.task(channel, taskNode, taskNode, downloads);
          channel.tasks.put(task.id, task);
        }
        for (JsonNode eventNode : array(node, "queue")) {
          channel.queue.add(new SessionChannel.Pending(EventCodec.event(eventNode), false));
        }
        sessions.add(channel);
      }
      return new Restored(sessions, counters, relaunchCounts, Map.of(), Map.of());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("journal payload unreadable: " + e.getMessage(), e);
    }
  }

  /** A JSON object, or why the bytes are not one. */
  static JsonNode tree(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "expected a JSON object, found " + (root == null ? "nothing" : root.getNodeType()));
    }
    return root;
  }

  /** The daemon-wide entry: the version, the task-id counters and the relaunch counts. */
  static ObjectNode state(Map<SessionKey, Long> nextTaskIds, Map<String, Integer> relaunchCounts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ArrayNode counters = root.putArray("nextTaskIds");
    nextTaskIds.forEach(
        (key, next) ->
            counters
                .addObject()
                .put("bundleId", key.bundleId())
                .put("identifier", key.identifier())
                .put("next", next));
    ObjectNode relaunches = root.putObject("relaunchCounts");
    relaunchCounts.forEach(relaunches::put);
    return root;
  }

  static void checkVersion(JsonNode root, int expected) {
    long version = whole(root, "version");
    if (version > VERSION) {
      throw new IllegalArgumentException(
          "version "
              + version
              + " was written by a newer daemon; this one reads versions up to "
              + VERSION);
    }
    if (version != expected) {
      throw new IllegalArgumentException("version " + version + " is not a journal version here");
    }
  }

  static Map<SessionKey, Long> counters(JsonNode root) {
    Map<SessionKey, Long> counters = new HashMap<>();
    for (JsonNode counter : array(root, "nextTaskIds")) {
      counters.put(
          SessionKey.background(text(counter, "bundleId"), text(counter, "identifier")),
          whole(counter, "next"));
    }
    return counters;
  }

  static Map<String, Integer> relaunchCounts(JsonNode root) {
    Map<String, Integer> relaunchCounts = new HashMap<>();
    JsonNode counts = object(root, "relaunchCounts");
    for (String bundle : (Iterable<String>) counts::fieldNames) {
      relaunchCounts.put(bundle, small(counts, bundle));
    }
    return relaunchCounts;
  }

  /** A session's own entry: its spec and flags, and the alias its other entries are keyed by. */
  static ObjectNode session(SessionChannel channel, int alias) {
    ObjectNode node = JSON.createObjectNode();
    node.put("alias", alias);
    node.set("spec", sessionSpec(channel.spec));
    node.put("relaunchRequested", channel.relaunchRequested);
    node.put("invalidating", channel.invalidating);
    return node;
  }

  /** The session in {@code node}, without its tasks and events. */
  static SessionChannel session(JsonNode node) {
    SessionSpec spec = sessionSpec(object(node, "spec"));
    SessionChannel channel =
        new SessionChannel(SessionKey.background(spec.bundleId(), spec.identifier()), spec);
    channel.relaunchRequested = flag(node, "relaunchRequested");
    channel.invalidating = flag(node, "invalidating");
    return channel;
  }

  private static ObjectNode sessionSpec(SessionSpec spec) {
    ObjectNode node = JSON.createObjectNode();
    node.put("bundleId", spec.bundleId());
    node.put("launch", spec.launch());
    node.put("identifier", spec.identifier());
    node.put("requestTimeoutMillis", spec.timeoutIntervalForRequest().toMillis());
    node.put("resourceTimeoutMillis", spec.timeoutIntervalForResource().toMillis());
    node.put("waitsForConnectivity", spec.waitsForConnectivity());
    node.put("sessionSendsLaunchEvents", spec.sessionSendsLaunchEvents());
    node.put("discretionary", spec.discretionary());
    node.set("additionalHeaders", EventCodec.headers(spec.additionalHeaders()));
    node.put("maxConnectionsPerHost", spec.httpMaximumConnectionsPerHost());
    return node;
  }

  private static SessionSpec sessionSpec(JsonNode node) {
    return new SessionSpec(
        text(node, "bundleId"),
        small(node, "launch"),
        text(node, "identifier"),
        Duration.ofMillis(whole(node, "requestTimeoutMillis")),
        Duration.ofMillis(whole(node, "resourceTimeoutMillis")),
        flag(node, "waitsForConnectivity"),
        flag(node, "sessionSendsLaunchEvents"),
        flag(node, "discretionary"),
        EventCodec.headers(array(node, "additionalHeaders")),
        // Journals written before the limit was kept had Apple's default.
        node.has("maxConnectionsPerHost")
            ? small(node, "maxConnectionsPerHost")
            : SessionSpec.DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST);
  }
}
