package lab.videofarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void mainClassLoads() {
    assertThat(VideoFarmLab.class.getPackageName()).isEqualTo("lab.videofarm");
  }
}
