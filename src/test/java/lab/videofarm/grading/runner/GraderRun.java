package lab.videofarm.grading.runner;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import lab.videofarm.grading.runner.GraderResult.Status;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs graders in-process through the JUnit Platform Launcher: the classes named, the tests tagged
 * with one lesson (or with any lesson), in file order, each grader's output captured. JUnit XML
 * goes to a folder as it runs; the results come back as {@link GraderResult}s.
 */
public final class GraderRun {
  private static final String POINTS = "lab.videofarm.grading.Points";

  private final ClassLoader loader;
  private final List<Path> sourceRoots;
  private final Path junitXml;

  public GraderRun(ClassLoader loader, List<Path> sourceRoots, Path junitXml) {
    this.loader = loader;
    this.sourceRoots = List.copyOf(sourceRoots);
    this.junitXml = junitXml;
  }

  /** Runs the graders of {@code lesson} (all lessons when empty) among {@code classNames}. */
  public List<GraderResult> run(List<String> classNames, OptionalInt lesson) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Collector collector = new Collector();
      LauncherFactory.create()
          .execute(
              request(classNames, lesson),
              collector,
              new LegacyXmlReportGeneratingListener(junitXml, new PrintWriter(new StringWriter())));
      return collector.results;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private LauncherDiscoveryRequest request(List<String> classNames, OptionalInt lesson) {
    String roots =
        sourceRoots.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(
            classNames.stream().map(name -> DiscoverySelectors.selectClass(loader, name)).toList())
        .filters(EngineFilter.includeEngines("junit-jupiter"), lessonFilter(lesson))
        .configurationParameter(
            "junit.jupiter.testmethod.order.default", SourceOrder.class.getName())
        .configurationParameter(
            "junit.jupiter.testclass.order.default", SourceOrder.Classes.class.getName())
        .configurationParameter(SourceOrder.SOURCE_ROOTS, roots)
        .configurationParameter("junit.platform.output.capture.stdout", "true")
        .configurationParameter("junit.jupiter.execution.timeout.testable.method.default", "60 s")
        .build();
  }

  private static PostDiscoveryFilter lessonFilter(OptionalInt lesson) {
    return descriptor -> {
      Set<Integer> lessons = lessons(descriptor.getTags());
      boolean graded =
          lesson.isPresent() ? lessons.contains(lesson.getAsInt()) : !lessons.isEmpty();
      return FilterResult.includedIf(
          graded || !descriptor.isTest(), () -> "a grader", () -> "not a grader of this lesson");
    };
  }

  private static Set<Integer> lessons(Set<TestTag> tags) {
    return tags.stream()
        .map(tag -> SourceOrder.lessonOf(tag.getName()))
        .filter(number -> number > 0)
        .collect(Collectors.toSet());
  }

  /** Collects results as the launcher reports them, which is the order they ran in. */
  private final class Collector implements TestExecutionListener {
    final List<GraderResult> results = new ArrayList<>();
    private final Map<String, StringBuilder> output = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final SourceIndex sources = new SourceIndex(sourceRoots);
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
      entry
          .getKeyValuePairs()
          .forEach(
              (key, value) -> {
                if (key.equals("stdout")) {
                  output
                      .computeIfAbsent(test.getUniqueId(), id -> new StringBuilder())
                      .append(value);
                }
              });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (test.isTest()) {
        record(test, result.getThrowable().orElse(null));
      } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        // A failing @BeforeAll or class initialiser: its graders never ran, and score nothing.
        for (TestIdentifier child : plan.getDescendants(test)) {
          if (child.isTest() && !reported.contains(child.getUniqueId())) {
            record(child, result.getThrowable().orElse(null));
          }
        }
      }
    }

    private void record(TestIdentifier test, Throwable failure) {
      Optional<MethodSource> source =
          test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
      if (source.isEmpty() || !reported.add(test.getUniqueId())) {
        return;
      }
      Class<?> testClass = load(source.get().getClassName());
      String method = source.get().getMethodName();
      String name = test.getDisplayName().equals(method + "()") ? method : test.getDisplayName();
      results.add(
          new GraderResult(
              lessons(test.getTags()).stream().min(Integer::compare).orElse(0),
              testClass.getName(),
              method,
              name,
              points(testClass, method),
              SourceOrder.isHidden(testClass),
              failure == null
                  ? Status.PASSED
                  : failure instanceof AssertionError ? Status.FAILED : Status.ERRORED,
              failure == null ? "" : Failures.message(failure),
              output.getOrDefault(test.getUniqueId(), new StringBuilder()).toString(),
              sources.code(testClass, method).orElse("")));
    }

    private Class<?> load(String name) {
      try {
        return Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("a grader class vanished: " + name, e);
      }
    }
  }

  /** The value of the method's {@code @Points}, read by name: it may come from another loader. */
  static int points(Class<?> testClass, String methodName) {
    for (Method method : testClass.getDeclaredMethods()) {
      if (method.getName().equals(methodName)) {
        for (Annotation annotation : method.getAnnotations()) {
          if (annotation.annotationType().getName().equals(POINTS)) {
            try {
              return (Integer) annotation.annotationType().getMethod("value").invoke(annotation);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          }
        }
      }
    }
    return 1;
  }
}
