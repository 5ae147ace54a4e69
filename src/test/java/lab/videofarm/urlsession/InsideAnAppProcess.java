package lab.videofarm.urlsession;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.device.internal.LaunchedProcess;
import lab.videofarm.os.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's own rules are tested against a scripted daemon, with the session inside a real launch
 * process: its class loader is the calling thread's context loader, as for code outside app
 * classes.
 */
abstract class InsideAnAppProcess {
  static final URI MOVIE = URI.create("http://127.0.0.1:9/videos/1/movie");

  @TempDir Path container;

  final ManualClock clock = new ManualClock();
  final Timeline timeline = new Timeline(clock);
  final ScriptedDaemon daemon = new ScriptedDaemon();
  LaunchedProcess process;
  ClassLoader previousContextLoader;

  @BeforeEach
  void enterAnAppProcess() throws MalformedURLException {
    process =
        LaunchedProcess.builder("lab.videofarm.TestApp", 1)
            .state(AppState.FOREGROUND)
            .transferService(daemon)
            .timeline(timeline)
            .clock(clock)
            .containerDirectory(container)
            .appPackages(List.of("lab.videofarm.testapp."))
            .classpath(List.of(container.toUri().toURL()))
            .build();
    previousContextLoader = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(process.classLoader());
  }

  @AfterEach
  void leaveTheProcess() {
    Thread.currentThread().setContextClassLoader(previousContextLoader);
    process.kill();
  }

  URLSession background(String identifier, URLSessionDelegate delegate) {
    return URLSession.session(URLSessionConfiguration.background(identifier), delegate, null);
  }
}
