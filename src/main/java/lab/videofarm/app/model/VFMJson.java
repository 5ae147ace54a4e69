package lab.videofarm.app.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration the app uses, for the server's JSON and for its own archives alike.
 * Hands out only {@link ObjectReader}s and {@link ObjectWriter}s, which are immutable, so sharing
 * them is safe on any thread.
 *
 * <ul>
 *   <li>Unknown fields are ignored, so a newer server or archive adds fields without breaking us.
 *   <li>An unknown enum value reads as the enum's {@code @JsonEnumDefaultValue}.
 *   <li>Anything after the first JSON value is an error: a file that is two values glued together
 *       is damaged, not data.
 *   <li>Instants are ISO-8601 text ({@code 2026-01-01T09:00:00Z}); {@code byte[]} is base64 text.
 *   <li>Output is indented, for people reading archives.
 * </ul>
 */
public final class VFMJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // Jackson's shared default TypeFactory caches types in a static shared by every launch,
          // which would keep a killed launch's classes alive; this one dies with the launch.
          .typeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 200)))
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private VFMJson() {}

  /** Reads JSON into the app's models; pick the type with {@code forType}. */
  public static ObjectReader reader() {
    return MAPPER.reader();
  }

  /** Writes the app's models as indented JSON. */
  public static ObjectWriter writer() {
    return MAPPER.writer();
  }

  /** {@code value} as a JSON tree, written as {@link #writer()} would write it. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A Jackson type for generic values such as {@code Map<Long, VFMVideoDownload>}. */
  public static JavaType type(TypeReference<?> reference) {
    return MAPPER.getTypeFactory().constructType(reference);
  }
}
