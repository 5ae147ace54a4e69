package lab.videofarm.testapp;

import java.util.function.Supplier;
import lab.videofarm.os.process.AppProcess;

/** App code that asks which process it runs in, directly and from a lambda run elsewhere. */
public final class WhoAmI {
  private WhoAmI() {}

  public static String askDirectly() {
    return AppProcess.ofCaller().map(p -> p.bundleId() + "#" + p.launchNumber()).orElse("none");
  }

  public static Supplier<String> askLater() {
    return WhoAmI::askDirectly;
  }
}
