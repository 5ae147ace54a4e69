package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import lab.videofarm.app.LessonFolders;

/**
 * Every file of a project's main sources, read for solution markers: which files hold exercises,
 * and for which lessons. All marker errors of all files are reported together.
 */
public final class Exercises {
  /** Where the app's sources are; the exercises live only there. */
  static final List<String> MAIN_ROOTS = List.of("src/main/java", "sample-server/src/main/java");

  private final Map<String, Fences.FencedFile> files;

  private Exercises(Map<String, Fences.FencedFile> files) {
    this.files = files;
  }

  /** Reads the project's Java sources, checking lessons against {@link LessonFolders}. */
  public static Exercises read(Path project) throws IOException, FenceException {
    return read(project, Exercises::isLesson);
  }

  static Exercises read(Path project, IntPredicate knownLesson) throws IOException, FenceException {
    Map<String, Fences.FencedFile> files = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String root : MAIN_ROOTS) {
      Path folder = project.resolve(root);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String path = project.relativize(file).toString().replace('\\', '/');
          try {
            files.put(
                path,
                Fences.parse(path, Files.readAllLines(file, StandardCharsets.UTF_8), knownLesson));
          } catch (FenceException e) {
            problems.addAll(e.problems());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FenceException(problems);
    }
    return new Exercises(files);
  }

  static boolean isLesson(int number) {
    try {
      LessonFolders.folder(number);
      return true;
    } catch (IndexOutOfBoundsException e) {
      return false;
    }
  }

  /** The file at this project path, if it is a main source. */
  public Fences.FencedFile file(String path) {
    return files.get(path);
  }

  /** Whether this project path is a main source file that may hold regions. */
  public boolean isSource(String path) {
    return files.containsKey(path);
  }

  /** The project paths of the files with at least one region: what a student edits. */
  public List<String> exerciseFiles() {
    return files.values().stream()
        .filter(Fences.FencedFile::hasRegions)
        .map(Fences.FencedFile::path)
        .toList();
  }

  /** The lessons that have at least one region. */
  public SortedSet<Integer> lessons() {
    SortedSet<Integer> lessons = new TreeSet<>();
    files.values().forEach(file -> file.regions().forEach(region -> lessons.add(region.lesson())));
    return lessons;
  }

  /** Writes the exercise files as a student would have them with lessons {@code solved} done. */
  public void writeExerciseFiles(Path folder, IntPredicate solved) throws IOException {
    for (String path : exerciseFiles()) {
      Path target = folder.resolve(path);
      Files.createDirectories(target.getParent());
      Files.writeString(target, file(path).render(solved), StandardCharsets.UTF_8);
    }
  }
}
