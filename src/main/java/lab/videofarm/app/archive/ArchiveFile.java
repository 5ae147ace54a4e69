package lab.videofarm.app.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import lab.videofarm.app.model.VFMJson;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.uikit.Application;

/**
 * One archive file in the app's container: a value saved as JSON so the next launch can read it
 * back, the way the course keeps its state "in simple archive files".
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Atomic.</b> A save replaces the whole archive or changes nothing: if the process dies or
 *       the disk fills at any byte of a save, the next launch reads the previous archive, intact.
 *   <li><b>Durable.</b> When {@link #save} returns, the new archive is on the disk: its bytes are
 *       forced before the rename, and the directory after it where the OS allows.
 *   <li><b>Never fatal.</b> {@link #restore} does not throw. A missing archive is a first launch. A
 *       damaged, truncated or newer-format archive is moved aside under a name no earlier
 *       quarantined file has, reported on the timeline as a warning and to the caller as {@link
 *       RestoreResult.Quarantined}, and the app starts clean.
 *   <li><b>Readable.</b> Indented JSON that a person can open, read and diff.
 *   <li>Every save and restore is reported on the timeline (layer {@code ARCHIVE}).
 * </ul>
 *
 * <h2>Files</h2>
 *
 * <pre>
 *   downloads.json                             the archive
 *   downloads.json.8120394.tmp                 a save in progress, one name per save; never read,
 *                                              left-overs of a crash removed at the next restore
 *   downloads.json.corrupt-20260101T090000.000Z     a damaged archive, moved aside
 *   downloads.json.corrupt-20260101T090000.000Z-2   another one, moved aside in the same millisecond
 * </pre>
 *
 * <h2>Format, version 1</h2>
 *
 * One JSON object, UTF-8, indented, nothing after its closing brace:
 *
 * <pre>
 *   field      JSON type      meaning
 *   ---------  -------------  ------------------------------------------------------------
 *   format     string         always "lab.videofarm.archive": this is one of our archives
 *   version    number         {@link #FORMAT_VERSION}; a larger one is from a newer app
 *   archive    string         which archive, such as "downloads"; must match the file
 *   savedAt    string         device time of the save, ISO-8601
 *   launch     number         the launch that saved it (1 = first launch)
 *   contents   any            the saved value, as {@link VFMJson} writes it
 * </pre>
 *
 * <h2>Commit order</h2>
 *
 * <ol>
 *   <li>Write the whole new archive to a fresh {@code name.<random>.tmp} and force it to the disk.
 *       Each save has its own temp file, so two saves at once (a killed launch's thread still
 *       finishing while the next launch saves) never write into the same file.
 *   <li>Rename the temp file over {@code name}. A rename within a directory is atomic: readers see
 *       the old file or the new one, never a mix.
 *   <li>Force the directory, so the rename itself survives a power cut.
 * </ol>
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>Every save rewrites the whole file: right for dozens of entries, wrong for thousands.
 *   <li>Damage is found by parsing. Truncation and broken JSON are always caught (a proper prefix
 *       of a JSON object is never valid JSON); a flipped bit that leaves valid JSON is not, as
 *       there is no checksum.
 *   <li>Where the OS will not force a directory (Windows), a power cut just after a save may bring
 *       back the previous archive. Never a damaged one.
 *   <li>One writer per file: one {@code ArchiveFile} per archive per launch. Saves are serialized
 *       on this object.
 *   <li>If a damaged archive cannot be moved aside, it is left in place and this object refuses to
 *       save over it until the next launch tries again.
 * </ul>
 *
 * @param <T> what the archive holds, a record or a collection of records
 */
public final class ArchiveFile<T> {

  /** The format this code writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  static final String FORMAT = "lab.videofarm.archive";

  private static final DateTimeFormatter QUARANTINE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Application application;
  private final Clock clock;
  private final String name;
  private final Path file;
  private final JavaType contentsType;
  private final ArchiveDisk disk;

  /** Guarded by {@code this}. True while a damaged archive could not be moved aside. */
  private boolean evidenceInPlace;

  /**
   * The archive {@code name}.json in the application's container.
   *
   * @param name a short name such as {@code downloads}; also recorded inside the file
   * @param contentsType what the archive holds, such as {@code new TypeReference<Map<Long,
   *     VFMVideoDownload>>() {}}
   */
  public ArchiveFile(
      Application application, Clock clock, String name, TypeReference<T> contentsType) {
    this(application, clock, name, contentsType, WriteHook.WRITE_ALL);
  }

  /** For testing: {@code writeHook} can fail half-way through a save. */
  ArchiveFile(
      Application application,
      Clock clock,
      String name,
      TypeReference<T> contentsType,
      WriteHook writeHook) {
    this(application, clock, name, contentsType, ArchiveDisk.real(writeHook));
  }

  /** For testing: {@code disk} can fail any persistence step, or lose unforced writes. */
  ArchiveFile(
      Application application,
      Clock clock,
      String name,
      TypeReference<T> contentsType,
      ArchiveDisk disk) {
    this.application = application;
    this.clock = clock;
    this.name = name;
    this.file = application.containerDirectory().resolve(name + ".json");
    this.contentsType = VFMJson.type(contentsType);
    this.disk = disk;
  }

  /** Where the archive lives. */
  public Path path() {
    return file;
  }

  /**
   * Replaces the archive with {@code contents}, atomically. If this throws, the previous archive is
   * still there, unchanged.
   */
  public synchronized void save(T contents) throws IOException {
    if (evidenceInPlace) {
      throw new IOException(
          file.getFileName() + " is damaged and could not be moved aside; not saving over it");
    }
    byte[] json = encode(contents);
    Path tempFile = null;
    try {
      Files.createDirectories(file.getParent());
      tempFile = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
      disk.write(tempFile, ByteBuffer.wrap(json));
      disk.force(tempFile);
      disk.replace(tempFile, file);
    } catch (ClosedByInterruptException killed) {
      // The launch is being killed mid-save: no mistake of the app's, and nothing is lost.
      deleteTempFileAfter(tempFile, killed);
      report("save interrupted: " + file.getFileName(), "the previous archive is unchanged");
      throw killed;
    } catch (IOException | RuntimeException e) {
      deleteTempFileAfter(tempFile, e);
      warn("save failed: " + file.getFileName(), e + "; the previous archive is unchanged");
      throw e;
    }
    syncDirectoryAfter("save");
    report(
        "saved " + file.getFileName(),
        describe(contents) + ", " + json.length + " bytes, format " + FORMAT_VERSION);
  }

  /** Reads the archive back. Never throws: see the class comment for what happens to bad files. */
  public synchronized RestoreResult<T> restore() {
    deleteLeftoverTempFiles();
    byte[] json;
    try {
      json = disk.read(file);
    } catch (NoSuchFileException e) {
      report("no " + file.getFileName(), "first launch: starting clean");
      return new RestoreResult.FirstLaunch<>();
    } catch (IOException e) {
      return quarantine("unreadable: " + e);
    }
    try {
      return decode(json);
    } catch (DamagedArchiveException e) {
      return quarantine(e.getMessage());
    } catch (JsonProcessingException e) {
      return quarantine("not a valid archive: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      // Whatever the bytes are, reading them must not stop the app from launching.
      return quarantine("not a valid archive: " + e);
    }
  }

  private byte[] encode(T contents) throws JsonProcessingException {
    Envelope envelope =
        new Envelope(
            FORMAT,
            FORMAT_VERSION,
            name,
            clock.now(),
            application.launchNumber(),
            VFMJson.toTree(contents));
    return VFMJson.writer().writeValueAsBytes(envelope);
  }

  private RestoreResult<T> decode(byte[] json) throws IOException {
    JsonNode root = VFMJson.reader().readTree(json);
    if (root == null || root.isMissingNode()) {
      throw new DamagedArchiveException("empty file");
    }
    Envelope envelope = Envelope.fromJson(root, name);
    T contents = VFMJson.reader().forType(contentsType).readValue(envelope.contents());
    report(
        "restored " + file.getFileName(),
        describe(contents)
            + ", saved by launch "
            + envelope.launch()
            + " at "
            + envelope.savedAt()
            + ", format "
            + envelope.version()
            + ids(contents));
    return new RestoreResult.Restored<>(contents, envelope.savedAt(), envelope.launch());
  }

  private void deleteTempFileAfter(Path tempFile, Exception failure) {
    if (tempFile == null) {
      return;
    }
    try {
      Files.deleteIfExists(tempFile);
    } catch (IOException e) {
      // Harmless: a leftover temp file is never read, and the next restore removes it.
      failure.addSuppressed(e);
    }
  }

  /** Temp files of saves that a crash or a kill cut short. */
  private void deleteLeftoverTempFiles() {
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(file.getParent(), file.getFileName() + ".*.tmp")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    } catch (IOException e) {
      // Harmless: left-overs are never read; the next restore tries again.
      warn("could not remove an unfinished save of " + file.getFileName(), e.toString());
    }
  }

  private RestoreResult<T> quarantine(String problem) {
    try {
      Path movedTo = moveAside();
      warn(
          "quarantined " + file.getFileName(),
          problem + "; moved to " + movedTo.getFileName() + "; starting clean");
      return new RestoreResult.Quarantined<>(file.getFileName().toString(), movedTo, problem);
    } catch (IOException e) {
      evidenceInPlace = true;
      warn(
          "quarantine failed: " + file.getFileName(),
          problem + "; could not move it aside (" + e + "); starting clean, saves refused");
      return new RestoreResult.Quarantined<>(file.getFileName().toString(), file, problem);
    }
  }

  /** Renames the archive to the first free quarantine name; an earlier one is never replaced. */
  private Path moveAside() throws IOException {
    String stem = file.getFileName() + ".corrupt-" + QUARANTINE_STAMP.format(clock.now());
    for (int attempt = 1; ; attempt++) {
      Path target = file.resolveSibling(attempt == 1 ? stem : stem + "-" + attempt);
      try {
        // No REPLACE_EXISTING: the move fails rather than overwrite earlier evidence.
        disk.moveAside(file, target);
        syncDirectoryAfter("quarantine");
        return target;
      } catch (FileAlreadyExistsException taken) {
        // Another damaged archive was moved aside in the same millisecond; try the next name.
      }
    }
  }

  /**
   * Forces the directory after a rename that has happened: a failure cannot undo it, so it is
   * reported, not thrown; only the rename's durability against a power cut is in doubt.
   */
  private void syncDirectoryAfter(String step) {
    try {
      disk.forceDirectory(file.getParent());
    } catch (IOException e) {
      warn(
          "directory sync failed: " + file.getFileName(),
          "after the " + step + " (" + e + "); a power cut now may bring back the previous file");
    }
  }

  /**
   * {@code "; ids: 3, 5"}: the keys of a map archive (the records' task identifiers), so that the
   * timeline tells which records a launch got back; nothing for other contents.
   */
  private static String ids(Object contents) {
    if (!(contents instanceof Map<?, ?> map)) {
      return "";
    }
    return map.keySet().stream()
        .map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(", ", "; ids: ", ""));
  }

  private static String describe(Object contents) {
    int entries = 1;
    if (contents instanceof Map<?, ?> map) {
      entries = map.size();
    } else if (contents instanceof Collection<?> collection) {
      entries = collection.size();
    }
    return entries == 1 ? "1 entry" : entries + " entries";
  }

  private void report(String what, String detail) {
    application.report(Layer.ARCHIVE, "", TimelineEvent.NO_TASK, what, detail);
  }

  private void warn(String what, String detail) {
    application.warn(Layer.ARCHIVE, "", TimelineEvent.NO_TASK, what, detail);
  }

  /** How a save puts its bytes into the temp file. Tests swap in one that fails half-way. */
  @FunctionalInterface
  interface WriteHook {
    WriteHook WRITE_ALL =
        (channel, bytes) -> {
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
        };

    void write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }
}
