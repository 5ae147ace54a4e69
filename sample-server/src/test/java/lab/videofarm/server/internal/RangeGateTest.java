package lab.videofarm.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeGateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"bytes=0-0", "bytes=0-", "bytes=-1", "bytes=100-200", "BYTES=5-", "bytes= 5-9"})
  void oneWellFormedRangePasses(String range) {
    assertThat(RangeGate.isSingleRange(range)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=0-1,3-4",
        "bytes=-",
        "bytes=a-b",
        "bytes=9-3",
        "items=0-1",
        "bytes=",
        "bytes=1-2-3",
        "bytes=99999999999999999999-",
        "bytes =0-5",
        "bytes= 0 -5"
      })
  void anythingElseIsDropped(String range) {
    assertThat(RangeGate.isSingleRange(range)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "BYTES=0-5, bytes=0-5",
    "Bytes=7-, bytes=7-",
    "bytes=-3, bytes=-3",
    "'bytes=\t 0010-20 ', bytes=10-20"
  })
  void aRangeThatPassesReachesJettyInItsCanonicalForm(String range, String canonical) {
    assertThat(RangeGate.canonical(range)).contains(canonical);
  }
}
