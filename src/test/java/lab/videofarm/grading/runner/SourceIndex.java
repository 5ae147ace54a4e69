package lab.videofarm.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a test method in its source file: where it starts (so that reports follow the file's order,
 * whatever order reflection returns) and its text (Exercism shows it as {@code test_code}). A light
 * scan, not a parser: it finds the first {@code void name(} and matches braces, skipping strings,
 * characters and comments.
 */
public final class SourceIndex {
  private final List<Path> roots;
  private final Map<String, Optional<String>> sources = new ConcurrentHashMap<>();

  public SourceIndex(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** The position of the method's declaration in its file, or empty when it cannot be found. */
  public Optional<Integer> position(Class<?> testClass, String method) {
    return source(testClass).flatMap(text -> declaration(text, method)).map(Matcher::start);
  }

  /** The method's text, from its first annotation-free line to its closing brace. */
  public Optional<String> code(Class<?> testClass, String method) {
    return source(testClass).flatMap(text -> declaration(text, method).map(m -> body(text, m)));
  }

  private Optional<String> source(Class<?> testClass) {
    Class<?> outer = testClass;
    while (outer.getEnclosingClass() != null) {
      outer = outer.getEnclosingClass();
    }
    String file = outer.getName().replace('.', '/') + ".java";
    return sources.computeIfAbsent(file, this::read);
  }

  private Optional<String> read(String file) {
    for (Path root : roots) {
      Path candidate = root.resolve(file);
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(Files.readString(candidate, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Matcher> declaration(String text, String method) {
    Matcher matcher =
        Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(text);
    return matcher.find() ? Optional.of(matcher) : Optional.empty();
  }

  private static String body(String text, Matcher declaration) {
    int lineStart = text.lastIndexOf('\n', declaration.start()) + 1;
    int open = text.indexOf('{', declaration.end());
    if (open < 0) {
      return text.substring(lineStart, declaration.end());
    }
    int end = closingBrace(text, open);
    return dedent(text.substring(lineStart, Math.min(end + 1, text.length())));
  }

  /** The index of the brace closing the one at {@code open}, skipping literals and comments. */
  static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(text, i, c);
      } else if (text.startsWith("//", i)) {
        i = Math.max(text.indexOf('\n', i), i);
      } else if (text.startsWith("/*", i)) {
        i = Math.max(text.indexOf("*/", i) + 1, i);
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }

  private static int endOfLiteral(String text, int start, char quote) {
    if (quote == '"' && text.startsWith("\"\"\"", start)) {
      int end = text.indexOf("\"\"\"", start + 3);
      return end < 0 ? text.length() : end + 2;
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
