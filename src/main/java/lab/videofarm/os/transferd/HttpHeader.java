package lab.videofarm.os.transferd;

import java.util.Objects;

/** One header line of a request or response. */
public record HttpHeader(String name, String value) {
  public HttpHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
