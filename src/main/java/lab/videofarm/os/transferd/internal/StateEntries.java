package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.EventCodec.JSON;
import static lab.videofarm.os.transferd.internal.JsonFields.small;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;

/**
 * The daemon's state cut into the {@link Journal}'s entries, so that a change rewrites little:
 *
 * <table>
 *   <caption>Entry keys</caption>
 *   <tr><th>key</th><th>value ({@link StateCodec})</th><th>changes when</th></tr>
 *   <tr><td>{@code state}</td><td>version, task-id counters, relaunch counts</td>
 *       <td>a task is made, an app relaunched</td></tr>
 *   <tr><td>{@code s<a>}</td><td>session {@code a}: its alias, spec, relaunch flags</td>
 *       <td>rarely</td></tr>
 *   <tr><td>{@code s<a>.t<id>}</td><td>a task's description</td><td>its state changes</td></tr>
 *   <tr><td>{@code s<a>.t<id>.n}</td><td>a task's byte counts, ~40 bytes</td>
 *       <td>progress</td></tr>
 *   <tr><td>{@code s<a>.e<n>}</td><td>the session's queued event number {@code n}</td>
 *       <td>queued, delivered</td></tr>
 * </table>
 *
 * <p>A session's alias is a small number that stands for its bundle and identifier in its keys, so
 * a progress entry stays short. Queued events keep their numbers while they wait, so delivering the
 * head of a long queue removes one entry rather than renumbering the rest; should the queue ever
 * change other than at its ends, its events are numbered afresh. Neither affects correctness: the
 * state store compares each entry's bytes with the last it wrote. A task's entries are encoded
 * again only when the values they are made of changed ({@link TaskCodec.Description}): the encoding
 * reads nothing else, so equal values give equal bytes.
 *
 * <p>An instance remembers aliases, event numbers and encodings between snapshots; it is used under
 * the daemon's lock, like the state it encodes.
 */
final class StateEntries {
  static final String STATE = "state";
  private static final Pattern KEY =
      Pattern.compile("s(\\d{1,9})(?:\\.t(\\d{1,18})(\\.n)?|\\.e(\\d{1,18}))?");

  private final Map<SessionKey, Integer> aliases = new HashMap<>();

  private int nextAlias = 1;

  /** The bytes of each task's last description and counts, reused while their values are equal. */
  private Map<TaskRecord, Memo> memos = new IdentityHashMap<>();

  private record Memo(
      TaskCodec.Description description,
      byte[] descriptionBytes,
      long[] counts,
      byte[] countBytes) {}

  private Map<SessionChannel.Pending, Long> numbers = new IdentityHashMap<>();
  private final Map<SessionKey, Long> nextNumbers = new HashMap<>();

  /**
   * Keeps the aliases and event numbers of a restored journal, so that its entries keep their keys
   * rather than being written again under new ones.
   */
  void adopt(StateCodec.Restored restored) {
    restored
        .aliases()
        .forEach(
            (key, alias) -> {
              aliases.put(key, alias);
              nextAlias = Math.max(nextAlias, alias + 1);
            });
    numbers.putAll(restored.eventNumbers());
    for (SessionChannel channel : restored.sessions()) {
      for (SessionChannel.Pending pending : channel.queue) {
        Long number = restored.eventNumbers().get(pending);
        if (number != null) {
          nextNumbers.merge(channel.key, number + 1, Math::max);
        }
      }
    }
  }

  /** Every entry of the state, by key. */
  Map<String, byte[]> encode(
      Collection<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      Map<String, Integer> relaunchCounts)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(STATE, JSON.writeValueAsBytes(StateCodec.state(nextTaskIds, relaunchCounts)));
    Map<SessionChannel.Pending, Long> numbered = new IdentityHashMap<>();
    Map<TaskRecord, Memo> memoed = new IdentityHashMap<>();
    for (SessionChannel channel : sessions) {
      if (!channel.key.isBackground() || channel.invalidated || channel.spec == null) {
        continue;
      }
      int alias = aliases.computeIfAbsent(channel.key, key -> nextAlias++);
      String prefix = "s" + alias;
      entries.put(prefix, JSON.writeValueAsBytes(StateCodec.session(channel, alias)));
      for (TaskRecord task : channel.tasks.values()) {
        if (task.spec.kind() != TaskKind.DATA) {
          Memo memo = memo(task);
          memoed.put(task, memo);
          entries.put(prefix + ".t" + task.id, memo.descriptionBytes());
          entries.put(prefix + ".t" + task.id + ".n", memo.countBytes());
        }
      }
      events(channel, prefix, entries, numbered);
    }
    numbers = numbered;
    memos = memoed;
    return entries;
  }

  /** A task's entries, encoded again only if their values changed since the last time. */
  private Memo memo(TaskRecord task) throws IOException {
    Memo last = memos.get(task);
    TaskCodec.Description description = TaskCodec.Description.of(task);
    long[] counts = TaskCodec.counted(task);
    boolean sameDescription = last != null && last.description().equals(description);
    boolean sameCounts = last != null && Arrays.equals(last.counts(), counts);
    if (sameDescription && sameCounts) {
      return last;
    }
    return new Memo(
        description,
        sameDescription
            ? last.descriptionBytes()
            : JSON.writeValueAsBytes(TaskCodec.description(description)),
        counts,
        sameCounts ? last.countBytes() : JSON.writeValueAsBytes(TaskCodec.counts(counts)));
  }

  private void events(
      SessionChannel channel,
      String prefix,
      Map<String, byte[]> entries,
      Map<SessionChannel.Pending, Long> numbered)
      throws IOException {
    List<SessionChannel.Pending> kept = new ArrayList<>();
    for (SessionChannel.Pending pending : channel.queue) {
      TaskRecord owner = channel.tasks.get(pending.event().taskIdentifier());
      // A question to the app dies with the daemon; the next daemon asks again.
      if (!pending.progress()
          && !(pending.event() instanceof TaskEvent.WillBeginDelayedRequest)
          && (owner == null || owner.spec.kind() != TaskKind.DATA)) {
        kept.add(pending);
      }
    }
    boolean inOrder = keepsOrder(kept);
    long next = nextNumbers.getOrDefault(channel.key, 0L);
    for (SessionChannel.Pending pending : kept) {
      Long number = inOrder ? numbers.get(pending) : null;
      long n = number == null ? next++ : number;
      numbered.put(pending, n);
      entries.put(prefix + ".e" + n, JSON.writeValueAsBytes(EventCodec.event(pending.event())));
    }
    nextNumbers.put(channel.key, next);
  }

  /** Whether the numbered events still come first and in order, any new ones after them. */
  private boolean keepsOrder(List<SessionChannel.Pending> kept) {
    long last = -1;
    boolean fresh = false;
    for (SessionChannel.Pending pending : kept) {
      Long number = numbers.get(pending);
      if (number == null) {
        fresh = true;
      } else if (fresh || number <= last) {
        return false;
      } else {
        last = number;
      }
    }
    return true;
  }

  /** The state in {@code entries}; see {@link StateCodec#decode}. */
  static StateCodec.Restored decode(Map<String, byte[]> entries, Path downloads)
      throws IOException {
    byte[] state = entries.get(STATE);
    if (state == null) {
      throw new IllegalArgumentException("the state entry is missing");
    }
    JsonNode root = StateCodec.tree(state);
    StateCodec.checkVersion(root, StateCodec.VERSION);
    Sessions sessions = new Sessions();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (!entry.getKey().equals(STATE)) {
        sessions.add(entry.getKey(), StateCodec.tree(entry.getValue()));
      }
    }
    return sessions.restored(StateCodec.counters(root), StateCodec.relaunchCounts(root), downloads);
  }

  /** The entries of each session, gathered by alias and ordered by task id and event number. */
  private static final class Sessions {
    final Map<Integer, JsonNode> sessions = new TreeMap<>();
    final Map<Integer, Map<Long, JsonNode>> tasks = new HashMap<>();
    final Map<Integer, Map<Long, JsonNode>> counts = new HashMap<>();
    final Map<Integer, Map<Long, JsonNode>> events = new HashMap<>();
    final Map<SessionChannel.Pending, Long> eventNumbers = new IdentityHashMap<>();

    void add(String key, JsonNode value) {
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        throw new IllegalArgumentException("unknown entry " + key);
      }
      int alias = Integer.parseInt(m.group(1));
      if (m.group(2) != null) {
        long id = Long.parseLong(m.group(2));
        (m.group(3) == null ? tasks : counts)
            .computeIfAbsent(alias, a -> new TreeMap<>())
            .put(id, value);
      } else if (m.group(4) != null) {
        events.computeIfAbsent(alias, a -> new TreeMap<>()).put(Long.parseLong(m.group(4)), value);
      } else if (small(value, "alias") != alias) {
        throw new IllegalArgumentException("entry " + key + " says alias " + value.get("alias"));
      } else {
        sessions.put(alias, value);
      }
    }

    StateCodec.Restored restored(
        Map<SessionKey, Long> counters, Map<String, Integer> relaunchCounts, Path downloads) {
      for (Map<Integer, ?> part : List.of(tasks, counts, events)) {
        for (Integer alias : part.keySet()) {
          if (!sessions.containsKey(alias)) {
            throw new IllegalArgumentException("entries of session s" + alias + " without it");
          }
        }
      }
      List<SessionChannel> channels = new ArrayList<>();
      Map<SessionKey, Integer> aliases = new HashMap<>();
      sessions.forEach(
          (alias, node) -> {
            SessionChannel channel = session(alias, node, downloads);
            aliases.put(channel.key, alias);
            channels.add(channel);
          });
      return new StateCodec.Restored(channels, counters, relaunchCounts, aliases, eventNumbers);
    }

    private SessionChannel session(int alias, JsonNode node, Path downloads) {
      SessionChannel channel = StateCodec.session(node);
      Map<Long, JsonNode> taskCounts = counts.getOrDefault(alias, Map.of());
      Map<Long, JsonNode> descriptions = tasks.getOrDefault(alias, Map.of());
      for (Map.Entry<Long, JsonNode> described : descriptions.entrySet()) {
        String key = "s" + alias + ".t" + described.getKey();
        JsonNode counted = taskCounts.get(described.getKey());
        if (counted == null) {
          throw new IllegalArgumentException("entry " + key + ".n is missing");
        }
        TaskRecord task = TaskCodec.task(channel, described.getValue(), counted, downloads);
        if (task.id != described.getKey()) {
          throw new IllegalArgumentException("entry " + key + " holds task " + task.id);
        }
        channel.tasks.put(task.id, task);
      }
      for (Long id : taskCounts.keySet()) {
        if (!descriptions.containsKey(id)) {
          throw new IllegalArgumentException("entry s" + alias + ".t" + id + " is missing");
        }
      }
      for (Map.Entry<Long, JsonNode> event : events.getOrDefault(alias, Map.of()).entrySet()) {
        SessionChannel.Pending pending =
            new SessionChannel.Pending(EventCodec.event(event.getValue()), false);
        channel.queue.add(pending);
        eventNumbers.put(pending, event.getKey());
      }
      return channel;
    }
  }
}
