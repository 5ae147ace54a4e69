package lab.videofarm.os.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.device.internal.LaunchedProcess;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.testapp.WhoAmI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppProcessTest {
  @TempDir Path container;
  private LaunchedProcess process;

  private LaunchedProcess launch(int number) throws Exception {
    ManualClock clock = new ManualClock();
    return LaunchedProcess.builder("lab.videofarm.TestApp", number)
        .state(AppState.FOREGROUND)
        .timeline(new Timeline(clock))
        .clock(clock)
        .containerDirectory(container)
        .appPackages(List.of("lab.videofarm.testapp."))
        .classpath(List.of(WhoAmI.class.getProtectionDomain().getCodeSource().getLocation()))
        .build();
  }

  @AfterEach
  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  @Test
  void appCodeFindsItsOwnProcessOnTheStack() throws Exception {
    process = launch(7);
    Class<?> appClass = Class.forName(WhoAmI.class.getName(), true, process.classLoader());

    Object answer = appClass.getMethod("askDirectly").invoke(null);

    assertThat(appClass).isNotSameAs(WhoAmI.class);
    assertThat(answer).isEqualTo("lab.videofarm.TestApp#7");
  }

  @Test
  void aLambdaOfAppCodeFindsItsProcessOnWhateverThreadRunsIt() throws Exception {
    process = launch(3);
    Class<?> appClass = Class.forName(WhoAmI.class.getName(), true, process.classLoader());
    @SuppressWarnings("unchecked")
    Supplier<String> later = (Supplier<String>) appClass.getMethod("askLater").invoke(null);

    String[] answer = new String[1];
    Thread thread = new Thread(() -> answer[0] = later.get());
    thread.start();
    thread.join();

    assertThat(answer[0]).isEqualTo("lab.videofarm.TestApp#3");
  }

  @Test
  void codeOutsideAnyAppHasNoProcess() {
    assertThat(WhoAmI.askDirectly()).isEqualTo("none");
    assertThat(AppProcess.ofCaller()).isEmpty();
  }
}
