package lab.videofarm.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample server on its own until Ctrl-C.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=lab.videofarm.server.SampleServerMain \
 *     -Dexec.args="--port 8099 --data /tmp/vfdata"
 * </pre>
 *
 * Options: {@code --port N} (0 = any free port; default 8080), {@code --data DIR} (default {@code
 * videofarm-data/server}), {@code --bind ADDR} (default {@code 127.0.0.1}), {@code --max-upload
 * BYTES}, {@code --send-buffer BYTES} (each connection's send buffer, 0 for the kernel's; default
 * 64 KiB on a loopback address, the kernel's on any other), {@code --no-seed}. Prints the base URL
 * once listening.
 */
public final class SampleServerMain {
  private SampleServerMain() {}

  public static void main(String[] args) throws Exception {
    Optional<SampleServer.Builder> builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (builder.isEmpty()) {
      System.out.println(USAGE);
      return;
    }
    SampleServer server = builder.get().build();
    URI base = server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "sample-server-shutdown"));
    System.out.println("VideoFarm sample server at " + base);
    System.out.println("  data directory: " + server.dataDirectory().toAbsolutePath());
    System.out.println("  videos:         " + base.resolve("videos"));
    System.out.println("  faults:         " + base.resolve("admin/faults"));
    System.out.println("Ctrl-C stops it.");
    stopped.await();
  }

  static final String USAGE =
      "usage: SampleServerMain [--port N] [--data DIR] [--bind ADDR] [--max-upload BYTES]"
          + " [--send-buffer BYTES] [--no-seed]";

  /**
   * Reads the command line into a builder; empty when only help was asked for.
   *
   * @throws IllegalArgumentException for an unknown option or a missing or bad value
   */
  static Optional<SampleServer.Builder> parse(String... args) {
    SampleServer.Builder builder =
        SampleServer.builder().port(8080).dataDirectory(Path.of("videofarm-data", "server"));
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--port" -> builder.port(Math.toIntExact(number(value(args, ++i, option), option)));
        case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, option)));
        case "--bind" -> builder.bindAddress(value(args, ++i, option));
        case "--max-upload" -> builder.maxUploadBytes(number(value(args, ++i, option), option));
        case "--send-buffer" ->
            builder.sendBufferBytes(Math.toIntExact(number(value(args, ++i, option), option)));
        case "--no-seed" -> builder.seed(false);
        case "--help", "-h" -> {
          return Optional.empty();
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return Optional.of(builder);
  }

  private static long number(String value, String option) {
    try {
      long number = Long.parseLong(value);
      if (option.equals("--port") || option.equals("--send-buffer")) {
        Math.toIntExact(number);
      }
      return number;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not " + value);
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
