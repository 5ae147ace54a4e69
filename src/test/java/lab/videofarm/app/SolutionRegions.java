package lab.videofarm.app;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The solution regions of {@code src/main} as a student starter would have them: each region
 * replaced by its {@code // STUB:} lines, or by a {@code throw new NotImplementedYet(...)}. Enough
 * of the starter to compile the changed classes and run the app with them.
 */
final class SolutionRegions {
  static final Path MAIN = Path.of("src", "main", "java");

  private static final Pattern BEGIN =
      Pattern.compile("^(\\s*)// BEGIN SOLUTION lesson (\\d+) (\\S+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
  private static final Pattern STUB = Pattern.compile("^\\s*// STUB: (.*)$");
  private static final String IMPORT = "import lab.videofarm.app.NotImplementedYet;";

  /** One fenced region: its lesson, its name, and the file it is in. */
  record Region(int lesson, String name, Path file, boolean hasStub, int lines) {}

  private SolutionRegions() {}

  /** The source files under {@code src/main/java} that hold at least one region. */
  static List<Path> filesWithRegions() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> read(file).contains("// BEGIN SOLUTION lesson"))
          .sorted()
          .toList();
    }
  }

  /** Every region of every file; throws if a region is not closed or is nested. */
  static List<Region> regions() throws IOException {
    List<Region> all = new ArrayList<>();
    for (Path file : filesWithRegions()) {
      Region open = null;
      int lines = 0;
      boolean stub = false;
      for (String line : read(file).split("\n", -1)) {
        Matcher begin = BEGIN.matcher(line);
        if (begin.matches()) {
          if (open != null) {
            throw new IllegalStateException(file + ": region inside region " + open.name());
          }
          open = new Region(Integer.parseInt(begin.group(2)), begin.group(3), file, false, 0);
          lines = 0;
          stub = false;
        } else if (END.matcher(line).matches()) {
          if (open == null) {
            throw new IllegalStateException(file + ": END SOLUTION without BEGIN");
          }
          all.add(new Region(open.lesson(), open.name(), file, stub, lines));
          open = null;
        } else if (open != null) {
          stub |= STUB.matcher(line).matches();
          lines++;
        }
      }
      if (open != null) {
        throw new IllegalStateException(file + ": region " + open.name() + " never ends");
      }
    }
    return all;
  }

  /** {@code file}'s text with the regions {@code stubbed} accepts turned into their stubs. */
  static String stubbed(Path file, Predicate<Region> stubbed) {
    StringBuilder out = new StringBuilder();
    List<String> stubs = new ArrayList<>();
    Region open = null;
    String indent = "";
    boolean usesDefault = false;
    for (String line : read(file).split("\n", -1)) {
      Matcher begin = BEGIN.matcher(line);
      Matcher stub = STUB.matcher(line);
      if (begin.matches()) {
        open = new Region(Integer.parseInt(begin.group(2)), begin.group(3), file, false, 0);
        indent = begin.group(1);
        stubs.clear();
        if (stubbed.test(open)) {
          continue;
        }
      } else if (open != null && stubbed.test(open) && END.matcher(line).matches()) {
        if (stubs.isEmpty()) {
          usesDefault = true;
          stubs.add("throw new NotImplementedYet(" + open.lesson() + ", \"" + open.name() + "\");");
        }
        for (String statement : stubs) {
          out.append(indent).append(statement).append('\n');
        }
        open = null;
        continue;
      } else if (open != null && END.matcher(line).matches()) {
        open = null;
      } else if (open != null && stubbed.test(open)) {
        if (stub.matches()) {
          stubs.add(stub.group(1));
        }
        continue;
      }
      out.append(line).append('\n');
    }
    String text = out.substring(0, out.length() - 1);
    boolean inAppPackage = text.contains("package lab.videofarm.app;");
    if (usesDefault && !inAppPackage && !text.contains(IMPORT)) {
      text = text.replaceFirst("(package [\\w.]+;\n)", "$1\n" + IMPORT + "\n");
    }
    return text;
  }

  /**
   * Compiles the stubbed versions of {@code files} into {@code output}, against the solution's
   * classes; returns the compiler's errors (none when it compiled).
   */
  static String compile(List<Path> files, Predicate<Region> stubbed, Path output)
      throws IOException {
    Path sources = Files.createDirectories(output.resolveSibling(output.getFileName() + "-src"));
    List<Path> written = new ArrayList<>();
    for (Path file : files) {
      Path copy = sources.resolve(MAIN.relativize(file));
      Files.createDirectories(copy.getParent());
      written.add(Files.writeString(copy, stubbed(file, stubbed)));
    }
    Files.createDirectories(output);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(written);
      List<String> options =
          List.of(
              "-d",
              output.toString(),
              "-classpath",
              System.getProperty("java.class.path"),
              "-proc:none",
              "-nowarn",
              "-Xlint:none");
      boolean compiled = compiler.getTask(errors, fileManager, null, options, null, units).call();
      return compiled ? "" : errors.toString();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
