package lab.videofarm.grading.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The solution markers of one Java file, read strictly. A region is fenced by whole-line comments:
 *
 * <pre>
 *     // BEGIN SOLUTION lesson 4 didFinishDownloadingTo
 *     ...solution lines...
 *     // STUB: return false;        (optional, any number)
 *     // END SOLUTION
 * </pre>
 *
 * <p>In the starter a region becomes its STUB statements, or else {@code throw new
 * NotImplementedYet(4, "didFinishDownloadingTo");}, at the indentation of its BEGIN line; the file
 * then imports {@code lab.videofarm.app.NotImplementedYet} if it must. Anything that looks like a
 * marker but is not one exactly (unclosed, nested, a stray END or STUB, an unknown lesson, a
 * default stub without a name) is an error naming {@code file:line}, so that no solution leaks into
 * a starter by a typo.
 */
public final class Fences {
  static final String NOT_IMPLEMENTED = "lab.videofarm.app.NotImplementedYet";

  private static final Pattern BEGIN =
      Pattern.compile("( *)// BEGIN SOLUTION lesson (\\d+)(?: ([A-Za-z_$][\\w$]*))?");
  private static final Pattern END = Pattern.compile(" *// END SOLUTION");
  private static final Pattern STUB = Pattern.compile(" *// STUB: (.+)");

  /** A comment that starts like a marker but is not one (prose in javadoc may name them). */
  private static final Pattern LOOKS_LIKE_A_MARKER =
      Pattern.compile(
          "\\s*(//|/\\*)\\s*((BEGIN|END)\\s*SOLUTION|STUB\\b).*", Pattern.CASE_INSENSITIVE);

  private static final Pattern PACKAGE = Pattern.compile("package ([\\w.]+);");

  /** One region: lines {@code begin} to {@code end} (1-based, markers included). */
  public record Region(
      int lesson, String name, int begin, int end, String indent, List<String> stubs) {
    /** What the region becomes in the starter. */
    List<String> stub() {
      if (!stubs.isEmpty()) {
        return stubs.stream().map(statement -> indent + statement).toList();
      }
      return List.of(indent + "throw new NotImplementedYet(" + lesson + ", \"" + name + "\");");
    }

    boolean usesDefaultStub() {
      return stubs.isEmpty();
    }
  }

  /** A file and its regions, in order. */
  public record FencedFile(String path, List<String> lines, List<Region> regions) {
    public boolean hasRegions() {
      return !regions.isEmpty();
    }

    /**
     * The file with the regions of lessons {@code solved} kept as solutions (markers and STUB lines
     * dropped) and every other region replaced by its stub.
     */
    public String render(IntPredicate solved) {
      List<String> out = new ArrayList<>();
      int line = 1;
      boolean defaultStub = false;
      for (Region region : regions) {
        out.addAll(lines.subList(line - 1, region.begin() - 1));
        if (solved.test(region.lesson())) {
          for (String code : lines.subList(region.begin(), region.end() - 1)) {
            if (!STUB.matcher(code).matches()) {
              out.add(code);
            }
          }
        } else {
          out.addAll(region.stub());
          defaultStub |= region.usesDefaultStub();
        }
        line = region.end() + 1;
      }
      out.addAll(lines.subList(line - 1, lines.size()));
      if (defaultStub) {
        addImport(out);
      }
      return String.join("\n", out) + "\n";
    }
  }

  private Fences() {}

  /**
   * Reads the markers of {@code lines}.
   *
   * @param path the file's path, for error messages
   * @param knownLesson which lesson numbers exist
   * @throws FenceException listing every marker error of the file
   */
  public static FencedFile parse(String path, List<String> lines, IntPredicate knownLesson)
      throws FenceException {
    MarkerReader reader = new MarkerReader(path, knownLesson);
    for (int i = 0; i < lines.size(); i++) {
      reader.line(i + 1, lines.get(i));
    }
    return new FencedFile(path, List.copyOf(lines), reader.regions());
  }

  /**
   * Reads a file's markers line by line, as a small state machine: between regions, or inside the
   * one opened at {@link #openLine}. It notes every error and goes on, so that one run lists them
   * all.
   */
  private static final class MarkerReader {
    private final String path;
    private final IntPredicate knownLesson;
    private final List<String> errors = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();

    /** The BEGIN line of the region being read, or null between regions. */
    private Matcher open;

    private int openLine;
    private List<String> stubs = new ArrayList<>();

    MarkerReader(String path, IntPredicate knownLesson) {
      this.path = path;
      this.knownLesson = knownLesson;
    }

    void line(int number, String text) {
      Matcher begin = BEGIN.matcher(text);
      Matcher stub = STUB.matcher(text);
      if (begin.matches()) {
        begin(number, begin);
      } else if (END.matcher(text).matches()) {
        end(number);
      } else if (stub.matches()) {
        stub(number, stub.group(1));
      } else if (LOOKS_LIKE_A_MARKER.matcher(text).matches()) {
        errors.add(at(path, number, "malformed marker: " + text.strip()));
      }
    }

    private void begin(int number, Matcher begin) {
      if (open != null) {
        errors.add(
            at(
                path,
                number,
                "BEGIN SOLUTION inside the region opened at line "
                    + openLine
                    + " (regions do not nest)"));
        return;
      }
      int lesson = Integer.parseInt(begin.group(2));
      if (!knownLesson.test(lesson)) {
        errors.add(at(path, number, "unknown lesson " + lesson));
      }
      open = begin;
      openLine = number;
      stubs = new ArrayList<>();
    }

    private void end(int number) {
      if (open == null) {
        errors.add(at(path, number, "END SOLUTION without a BEGIN SOLUTION"));
        return;
      }
      if (stubs.isEmpty() && open.group(3) == null) {
        errors.add(
            at(
                path,
                openLine,
                "a region without STUB lines needs a name: // BEGIN SOLUTION lesson "
                    + open.group(2)
                    + " methodName"));
      }
      regions.add(
          new Region(
              Integer.parseInt(open.group(2)),
              open.group(3),
              openLine,
              number,
              open.group(1),
              List.copyOf(stubs)));
      open = null;
    }

    private void stub(int number, String statement) {
      if (open == null) {
        errors.add(at(path, number, "STUB outside a solution region"));
      } else {
        stubs.add(statement.strip());
      }
    }

    /** The regions read, once the file has ended; throws listing every error found. */
    List<Region> regions() throws FenceException {
      if (open != null) {
        errors.add(at(path, openLine, "BEGIN SOLUTION never closed by // END SOLUTION"));
      }
      if (!errors.isEmpty()) {
        throw new FenceException(errors);
      }
      return List.copyOf(regions);
    }
  }

  private static String at(String path, int line, String message) {
    return path + ":" + line + ": " + message;
  }

  /** Adds the import of the default stub's exception, in order, unless the file needs none. */
  static void addImport(List<String> lines) {
    String packageName =
        lines.stream()
            .map(PACKAGE::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .findFirst()
            .orElse("");
    String wanted = "import " + NOT_IMPLEMENTED + ";";
    if (packageName.equals("lab.videofarm.app") || lines.contains(wanted)) {
      return;
    }
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("import ") && !line.startsWith("import static ")) {
        if (line.compareTo(wanted) > 0) {
          lines.add(i, wanted);
          return;
        }
        at = i + 1;
      } else if (line.startsWith("package ") && at < 0) {
        at = i + 1;
      } else if (line.startsWith("public ")
          || line.startsWith("final ")
          || line.startsWith("/**")) {
        break;
      }
    }
    if (at < 0) {
      lines.add(0, wanted);
    } else if (at > 0 && lines.get(at - 1).startsWith("package ")) {
      lines.add(at, "");
      lines.add(at + 1, wanted);
    } else {
      lines.add(at, wanted);
    }
  }
}
