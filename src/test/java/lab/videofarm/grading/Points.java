package lab.videofarm.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a grader is worth. A grader is a JUnit test tagged with its lesson
 * ({@code @Tag("lesson-4")}); it earns its points when it passes, none otherwise. A grader without
 * this annotation is worth one point.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
  int value();
}
