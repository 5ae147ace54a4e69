package lab.videofarm.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * {@code ./grade 4} or {@code ./grade all}: compiles the project (only what changed), runs the
 * graders of one lesson or of all, prints the points table and writes the reports under {@code
 * target/grading/}.
 *
 * <p>Options: {@code --project DIR} (default: the working directory); {@code --submission DIR}
 * grades a student's copy of the exercise files (see {@link Overlay}); {@code --gradescope FILE}
 * writes Gradescope's results there too; {@code --summary FILE} appends the Markdown table (a CI
 * job summary). Exit status: 0 all passed, 1 some grader failed, 2 nothing could run (a compile
 * error), 64 bad usage.
 */
public final class Grade {
  static final String GRADERS_PACKAGE = "lab/videofarm/grading";

  private Grade() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("compile")) {
      compileOnly(Path.of(args.length > 2 && args[1].equals("--project") ? args[2] : "."));
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(64);
      return;
    }
    Grading grading = grade(options, Layout.jvmClassPath());
    Reports reports = new Reports(lesson -> lessonFolder(options.project(), lesson));
    System.out.print(reports.table(grading));
    Path out = options.project().resolve("target/grading");
    reports.writeAll(grading, out);
    if (options.gradescope() != null) {
      reports.writeJson(options.gradescope(), reports.gradescope(grading));
    }
    if (options.summary() != null) {
      Files.writeString(
          options.summary(),
          reports.markdown(grading),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    long millis =
        System.currentTimeMillis()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(
        "Graded in %.1f s. Reports in %s (JUnit XML, Exercism and Gradescope results.json)%n",
        millis / 1000.0, out);
    System.exit(grading.isError() ? 2 : grading.allPassed() ? 0 : 1);
  }

  /** {@code ./grade compile}: brings the compiled app and graders up to date, runs nothing. */
  private static void compileOnly(Path project) throws IOException {
    List<String> errors =
        new Layout(project.toAbsolutePath().normalize(), Layout.jvmClassPath()).compile();
    errors.forEach(System.err::println);
    System.out.println(errors.isEmpty() ? "Compiled." : "The code does not compile.");
    System.exit(errors.isEmpty() ? 0 : 2);
  }

  /**
   * Compiles, then runs the graders; never throws for a student's mistake.
   *
   * @param dependencies the libraries the project compiles against (the runner's are shared)
   */
  static Grading grade(Options options, List<Path> dependencies) throws IOException {
    Path project = options.project();
    String selection =
        options.lesson().isPresent() ? "lesson " + options.lesson().getAsInt() : "all lessons";
    if (options.submission() != null) {
      System.out.print(Overlay.apply(project, options.submission()));
    }
    Layout layout = new Layout(project, dependencies);
    List<String> errors = layout.compile();
    if (!errors.isEmpty()) {
      return Grading.error(selection, "The code does not compile:\n" + String.join("\n", errors));
    }
    List<String> graders = layout.graderClasses();
    ClassLoader loader = layout.classLoader();
    List<GraderResult> tests =
        new GraderRun(loader, layout.testRoots(), project.resolve("target/grading/junit"))
            .run(graders, options.lesson());
    if (tests.isEmpty()) {
      return Grading.error(selection, "No grader is tagged for " + selection + ".");
    }
    return Grading.ran(selection, tests);
  }

  /** The lesson's folder under {@code lessons/}: the one named {@code NN-...}. */
  static String lessonFolder(Path project, int lesson) {
    String prefix = String.format("%02d-", lesson);
    try (Stream<Path> folders = Files.list(project.resolve("lessons"))) {
      return folders
          .map(folder -> folder.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .sorted()
          .findFirst()
          .orElse(prefix + "...");
    } catch (IOException e) {
      return prefix + "...";
    }
  }

  /** Where a project's sources are and where grading compiles them to. */
  record Layout(Path project, List<Path> dependencies) {
    List<Path> mainRoots() {
      return List.of(
          project.resolve("src/main/java"), project.resolve("sample-server/src/main/java"));
    }

    List<Path> testRoots() {
      return List.of(
          project.resolve("src/test/java"), project.resolve("sample-server/src/test/java"));
    }

    Path classes() {
      return project.resolve("target/grading/classes");
    }

    Path testClasses() {
      return project.resolve("target/grading/test-classes");
    }

    List<Path> resources() {
      return Stream.of("src/main/resources", "sample-server/src/main/resources")
          .map(project::resolve)
          .filter(Files::isDirectory)
          .toList();
    }

    List<Path> testResources() {
      return Stream.of("src/test/resources")
          .map(project::resolve)
          .filter(Files::isDirectory)
          .toList();
    }

    /** Compiles the app, then the graders (all of them again when the app changed). */
    List<String> compile() throws IOException {
      Compilation main = new Compilation(project, mainRoots(), classes(), dependencies);
      Compilation.Result app = main.compile(Compilation.javaFiles(mainRoots()), false);
      if (!app.ok()) {
        return app.errors();
      }
      List<Path> testPath = new ArrayList<>();
      testPath.add(classes());
      testPath.addAll(resources());
      testPath.addAll(dependencies);
      Compilation tests = new Compilation(project, testRoots(), testClasses(), testPath);
      return tests.compile(graderSources(), app.compiled() > 0).errors();
    }

    /** The graders and what they share: the files directly in the graders' package. */
    List<Path> graderSources() throws IOException {
      Path folder = project.resolve("src/test/java").resolve(GRADERS_PACKAGE);
      try (Stream<Path> files = Files.list(folder)) {
        return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
      }
    }

    List<String> graderClasses() throws IOException {
      Path folder = testClasses().resolve(GRADERS_PACKAGE);
      try (Stream<Path> files = Files.list(folder)) {
        return files
            .map(file -> file.getFileName().toString())
            .filter(name -> name.endsWith("Test.class"))
            .map(name -> GRADERS_PACKAGE.replace('/', '.') + "." + name.replace(".class", ""))
            .sorted()
            .toList();
      }
    }

    /** The JVM's own class path: the runner and the project's dependencies. */
    static List<Path> jvmClassPath() {
      return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .map(Path::of)
          .toList();
    }

    ClassLoader classLoader() {
      List<Path> entries = new ArrayList<>();
      entries.add(testClasses());
      entries.add(classes());
      entries.addAll(testResources());
      entries.addAll(resources());
      URL[] urls = entries.stream().map(Layout::url).toArray(URL[]::new);
      return new URLClassLoader("graded", urls, Grade.class.getClassLoader());
    }

    private static URL url(Path path) {
      try {
        return path.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The command line. */
  record Options(Path project, OptionalInt lesson, Path submission, Path gradescope, Path summary) {
    static final String USAGE =
        "usage: grade <lesson number|all> [--project DIR] [--submission DIR]"
            + " [--gradescope FILE] [--summary FILE]\n       grade compile [--project DIR]";

    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("Which lesson? Give its number, or all.");
      }
      OptionalInt lesson = lesson(args[0]);
      Path project = Path.of(".");
      Path submission = null;
      Path gradescope = null;
      Path summary = null;
      for (int i = 1; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        Path value = Path.of(args[i + 1]);
        switch (args[i]) {
          case "--project" -> project = value;
          case "--submission" -> submission = value;
          case "--gradescope" -> gradescope = value;
          case "--summary" -> summary = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(
          project.toAbsolutePath().normalize(), lesson, submission, gradescope, summary);
    }

    private static OptionalInt lesson(String arg) {
      if (arg.equals("all")) {
        return OptionalInt.empty();
      }
      try {
        int lesson = Integer.parseInt(arg);
        if (lesson < 1) {
          throw new NumberFormatException();
        }
        return OptionalInt.of(lesson);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Not a lesson number: " + arg);
      }
    }
  }
}
