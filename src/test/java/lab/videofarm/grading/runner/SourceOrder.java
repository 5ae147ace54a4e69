package lab.videofarm.grading.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * Runs graders in the order a student reads them: classes by lesson, a lesson's visible graders
 * before its hidden ones; methods in the order of their source file. The runner names both classes
 * in its launcher request; the source roots come from the configuration parameter {@link
 * #SOURCE_ROOTS}.
 */
public final class SourceOrder implements MethodOrderer {
  public static final String SOURCE_ROOTS = "lab.videofarm.grading.sourceRoots";

  private static final Pattern LESSON_TAG = Pattern.compile("lesson-(\\d+)");

  @Override
  public void orderMethods(MethodOrdererContext context) {
    SourceIndex index = new SourceIndex(roots(context.getConfigurationParameter(SOURCE_ROOTS)));
    Class<?> testClass = context.getTestClass();
    context
        .getMethodDescriptors()
        .sort(
            Comparator.comparing(
                (MethodDescriptor method) ->
                    index
                        .position(testClass, method.getMethod().getName())
                        .orElse(Integer.MAX_VALUE)));
  }

  private static List<Path> roots(java.util.Optional<String> value) {
    return value.stream()
        .flatMap(paths -> Arrays.stream(paths.split(File.pathSeparator)))
        .filter(path -> !path.isBlank())
        .map(Path::of)
        .toList();
  }

  /** The lesson a class grades: the lowest {@code lesson-N} tag on it or on its methods. */
  static int lessonOf(Class<?> testClass) {
    return java.util.stream.Stream.concat(
            Arrays.stream(testClass.getAnnotationsByType(Tag.class)),
            Arrays.stream(testClass.getDeclaredMethods())
                .flatMap(method -> Arrays.stream(method.getAnnotationsByType(Tag.class))))
        .mapToInt(tag -> lessonOf(tag.value()))
        .filter(lesson -> lesson > 0)
        .min()
        .orElse(Integer.MAX_VALUE);
  }

  /** The lesson of a tag such as {@code lesson-4}, or 0 when it names none. */
  static int lessonOf(String tag) {
    Matcher matcher = LESSON_TAG.matcher(tag);
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  static boolean isHidden(Class<?> testClass) {
    return testClass.getSimpleName().endsWith("HiddenTest");
  }

  /** Lesson first, visible before hidden, then by name. */
  public static final class Classes implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
      context
          .getClassDescriptors()
          .sort(
              Comparator.comparingInt((ClassDescriptor c) -> lessonOf(c.getTestClass()))
                  .thenComparing(c -> isHidden(c.getTestClass()))
                  .thenComparing(c -> c.getTestClass().getName()));
    }
  }
}
