package lab.videofarm.os.device;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An installable app: which classes are the app's own (loaded afresh by every launch) and where
 * they come from.
 *
 * @param bundleId the app's identity on the device, such as {@code "lab.videofarm.VideoFarm"}
 * @param delegateClassName the {@link lab.videofarm.os.uikit.ApplicationDelegate} implementation,
 *     instantiated in each launch's class loader with its public no-argument constructor
 * @param childFirstPackages package prefixes (ending in a dot) whose classes belong to the app;
 *     everything else (the OS, URLSession, libraries) is shared with the device
 * @param classpath where the app's classes are read from
 * @param info the bundle's {@code Info.plist}: settings the app reads at launch through {@code
 *     Application.infoDictionary()}, such as the server's base URL
 */
public record AppBundle(
    String bundleId,
    String delegateClassName,
    List<String> childFirstPackages,
    List<URL> classpath,
    Map<String, String> info) {

  /** A bundle with an empty info dictionary. */
  public AppBundle(
      String bundleId,
      String delegateClassName,
      List<String> childFirstPackages,
      List<URL> classpath) {
    this(bundleId, delegateClassName, childFirstPackages, classpath, Map.of());
  }

  public AppBundle {
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(delegateClassName, "delegateClassName");
    childFirstPackages = List.copyOf(childFirstPackages);
    classpath = List.copyOf(classpath);
    info = Map.copyOf(info);
    if (childFirstPackages.isEmpty()) {
      throw new IllegalArgumentException("an app needs at least one package of its own");
    }
    for (String prefix : childFirstPackages) {
      if (!prefix.endsWith(".")) {
        throw new IllegalArgumentException("package prefix must end with a dot: " + prefix);
      }
    }
    if (childFirstPackages.stream().noneMatch(delegateClassName::startsWith)) {
      throw new IllegalArgumentException(
          delegateClassName + " is not in the app's own packages " + childFirstPackages);
    }
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("empty classpath");
    }
  }

  /**
   * A bundle whose classes are read from where the device's own class loader finds the delegate
   * class (its code source), falling back to the JVM class path.
   */
  public static AppBundle of(
      String bundleId, String delegateClassName, String... childFirstPackages) {
    return new AppBundle(
        bundleId,
        delegateClassName,
        List.of(childFirstPackages),
        locate(delegateClassName, AppBundle.class.getClassLoader()));
  }

  private static List<URL> locate(String className, ClassLoader loader) {
    String resource = className.replace('.', '/') + ".class";
    URL found = loader == null ? null : loader.getResource(resource);
    List<URL> urls = new ArrayList<>();
    try {
      if (found != null) {
        String text = found.toExternalForm();
        if (text.startsWith("jar:")) {
          urls.add(new URL(text.substring(4, text.indexOf("!/"))));
        } else if (text.endsWith(resource)) {
          urls.add(new URL(text.substring(0, text.length() - resource.length())));
        }
      }
      if (urls.isEmpty()) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
          if (!entry.isBlank()) {
            urls.add(Path.of(entry).toUri().toURL());
          }
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("cannot locate " + className, e);
    }
    return urls;
  }
}
