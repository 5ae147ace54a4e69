package lab.videofarm.app;

import java.nio.file.Path;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh phone with the VideoFarm app for every scenario, in a temp directory of its own; after
 * each scenario its timeline is saved (see {@link AppScenario#saveTimeline}) under the test class
 * and scenario name, so a failure can be read afterwards.
 */
abstract class PhoneScenario {
  @TempDir Path root;
  VideoFarmPhone phone;

  @BeforeEach
  void startPhone() throws Exception {
    phone = VideoFarmPhone.start(root);
  }

  @AfterEach
  void stopPhone(TestInfo test) throws Exception {
    String scenario = test.getTestClass().orElseThrow().getSimpleName();
    AppScenario.saveTimeline(phone, scenario + "." + test.getDisplayName());
    phone.close();
  }
}
