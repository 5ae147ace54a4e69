package lab.videofarm.grading.runner;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one set of sources into one output folder with the JDK's compiler, in-process, and only
 * what changed since the last time (by content, not by date: a submission copied in keeps whatever
 * dates it had). Errors come back as {@code file:line: message}, paths relative to the project, the
 * way a student looks for them.
 *
 * <p>When a source was deleted the folder is rebuilt from scratch; otherwise the changed files are
 * compiled against the earlier output, which holds for the edits a lesson asks for (method bodies,
 * a helper or a field more).
 */
public final class Compilation {
  private final Path project;
  private final List<Path> sourceRoots;
  private final Path output;
  private final List<Path> classpath;

  /**
   * @param project paths in error messages are relative to it
   * @param sourceRoots where sources are looked up (javac's {@code -sourcepath})
   * @param output the class folder; a {@code .sources} file beside it remembers what it holds
   * @param classpath what the sources compile against
   */
  public Compilation(Path project, List<Path> sourceRoots, Path output, List<Path> classpath) {
    this.project = project;
    this.sourceRoots = sourceRoots.stream().filter(Files::isDirectory).toList();
    this.output = output;
    this.classpath = List.copyOf(classpath);
  }

  /** The outcome: what was compiled, and the errors ({@code file:line: message}), if any. */
  public record Result(int compiled, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Brings the output up to date with {@code sources} (a subset of the roots' files).
   *
   * @param force compile every one of them, whatever the record says
   */
  public Result compile(List<Path> sources, boolean force) throws IOException {
    Map<String, String> now = hashes(sources);
    Map<String, String> before = force ? Map.of() : readRecord();
    boolean rebuild =
        force || !Files.isDirectory(output) || !now.keySet().containsAll(before.keySet());
    List<Path> changed =
        sources.stream()
            .filter(source -> rebuild || !now.get(key(source)).equals(before.get(key(source))))
            .toList();
    if (changed.isEmpty()) {
      return new Result(0, List.of());
    }
    if (rebuild) {
      deleteTree(output);
      Files.deleteIfExists(record());
    }
    Files.createDirectories(output);
    List<String> errors = javac(changed);
    if (errors.isEmpty()) {
      writeRecord(now);
    }
    return new Result(changed.size(), errors);
  }

  private List<String> javac(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return List.of("no Java compiler here: grading needs a JDK 17, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.US, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              output.toString(),
              "-cp",
              join(classpath),
              "-sourcepath",
              join(sourceRoots),
              "-encoding",
              "UTF-8",
              "--release",
              "17",
              "-proc:none",
              "-implicit:class",
              "-nowarn",
              "-Xlint:none");
      compiler
          .getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
        .map(this::describe)
        .toList();
  }

  private String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
    String message = diagnostic.getMessage(Locale.US);
    if (diagnostic.getSource() == null) {
      return message;
    }
    Path file = Path.of(diagnostic.getSource().toUri());
    String where =
        (file.startsWith(project) ? project.relativize(file) : file).toString().replace('\\', '/');
    String code = sourceLine(file, diagnostic.getLineNumber());
    return where
        + ":"
        + diagnostic.getLineNumber()
        + ": "
        + message
        + (code.isEmpty() ? "" : "\n    " + code.strip());
  }

  private static String sourceLine(Path file, long line) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return line < 1 ? "" : lines.skip(line - 1).findFirst().orElse("");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  private Map<String, String> hashes(List<Path> sources) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    for (Path source : sources) {
      hashes.put(key(source), sha256(Files.readAllBytes(source)));
    }
    return hashes;
  }

  private String key(Path source) {
    return project.relativize(source.toAbsolutePath()).toString().replace('\\', '/');
  }

  private Path record() {
    return output.resolveSibling(output.getFileName() + ".sources");
  }

  private Map<String, String> readRecord() throws IOException {
    if (!Files.isRegularFile(record())) {
      return Map.of();
    }
    Map<String, String> hashes = new TreeMap<>();
    for (String line : Files.readAllLines(record(), StandardCharsets.UTF_8)) {
      int space = line.indexOf(' ');
      if (space > 0) {
        hashes.put(line.substring(space + 1), line.substring(0, space));
      }
    }
    return hashes;
  }

  private void writeRecord(Map<String, String> hashes) throws IOException {
    Map<String, String> all = new TreeMap<>(readRecord());
    all.putAll(hashes);
    all.keySet().retainAll(hashes.keySet());
    Path temp = Files.createTempFile(output.getParent(), "sources", ".tmp");
    Files.write(
        temp,
        all.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList(),
        StandardCharsets.UTF_8);
    Files.move(
        temp,
        record(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every {@code .java} file under the roots that exist. */
  public static List<Path> javaFiles(List<Path> roots) throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(all::add);
        }
      }
    }
    return all;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
