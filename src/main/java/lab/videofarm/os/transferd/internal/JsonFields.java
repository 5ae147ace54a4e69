package lab.videofarm.os.transferd.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict reads of the fields of a JSON object, for {@link StateCodec}: a journal payload with a
 * valid checksum but the wrong shape is damage, not a reason to restore defaults, so every read
 * names the field and what was wrong with it in an {@link IllegalArgumentException}.
 */
final class JsonFields {
  private JsonFields() {}

  static JsonNode field(JsonNode node, String name) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected an object around " + name);
    }
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value;
  }

  static JsonNode array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new IllegalArgumentException(name + " is not an array but " + value.getNodeType());
    }
    return value;
  }

  static JsonNode object(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isObject()) {
      throw new IllegalArgumentException(name + " is not an object but " + value.getNodeType());
    }
    return value;
  }

  static long whole(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(name + " is not a whole number: " + value);
    }
    return value.longValue();
  }

  static int small(JsonNode node, String name) {
    long value = whole(node, name);
    if (value != (int) value) {
      throw new IllegalArgumentException(name + " is out of range: " + value);
    }
    return (int) value;
  }

  static long wholeOr(JsonNode node, String name, long absent) {
    return node.hasNonNull(name) ? whole(node, name) : absent;
  }

  static boolean flag(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name + " is not true or false: " + value);
    }
    return value.booleanValue();
  }

  static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " is not text: " + value);
    }
    return value.textValue();
  }

  /** Text, or null when the field is absent or null. */
  static String textOrNull(JsonNode node, String name) {
    return node.hasNonNull(name) ? text(node, name) : null;
  }
}
