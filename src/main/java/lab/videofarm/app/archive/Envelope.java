package lab.videofarm.app.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields around an archive's contents, in the order they appear in the file. See {@link
 * ArchiveFile} for what each means.
 */
record Envelope(
    String format, int version, String archive, Instant savedAt, int launch, JsonNode contents) {

  /**
   * Checks everything but the contents of a parsed archive, with a message a person can act on for
   * each way it can be wrong.
   */
  static Envelope fromJson(JsonNode root, String expectedArchive) throws DamagedArchiveException {
    if (!root.isObject()) {
      throw new DamagedArchiveException("not a JSON object");
    }
    String format = root.path("format").asText("");
    if (!format.equals(ArchiveFile.FORMAT)) {
      throw new DamagedArchiveException("not a VideoFarm archive (format \"" + format + "\")");
    }
    JsonNode version = root.path("version");
    if (!version.isInt()) {
      throw new DamagedArchiveException("no format version");
    }
    if (version.intValue() > ArchiveFile.FORMAT_VERSION) {
      throw new DamagedArchiveException(
          "format version "
              + version.intValue()
              + " is from a newer app; this one reads up to "
              + ArchiveFile.FORMAT_VERSION);
    }
    if (version.intValue() < 1) {
      throw new DamagedArchiveException("unknown format version " + version.intValue());
    }
    String archive = root.path("archive").asText("");
    if (!archive.equals(expectedArchive)) {
      throw new DamagedArchiveException(
          "holds \"" + archive + "\", not \"" + expectedArchive + "\"");
    }
    JsonNode contents = root.path("contents");
    if (contents.isMissingNode()) {
      throw new DamagedArchiveException("no contents");
    }
    return new Envelope(
        format,
        version.intValue(),
        archive,
        savedAt(root.path("savedAt")),
        root.path("launch").asInt(0),
        contents);
  }

  private static Instant savedAt(JsonNode savedAt) throws DamagedArchiveException {
    try {
      return Instant.parse(savedAt.asText(""));
    } catch (DateTimeParseException e) {
      throw new DamagedArchiveException("no valid savedAt: \"" + savedAt.asText("") + "\"");
    }
  }
}
