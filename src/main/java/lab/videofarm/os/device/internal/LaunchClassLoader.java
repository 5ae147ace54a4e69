package lab.videofarm.os.device.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import lab.videofarm.os.process.AppProcess;

/**
 * One launch's class loader: the app's own packages are loaded here, child-first, so each launch
 * gets fresh classes and fresh statics; everything else comes from the parent.
 *
 * <p>Classes are defined with protection domains that do not point back at this loader. A thread
 * started while app code is on the stack (say a library pool growing lazily) keeps the protection
 * domains of that stack; if they named this loader, such a thread would keep a dead launch alive.
 */
public final class LaunchClassLoader extends ClassLoader implements AppProcess.Host {
  static {
    registerAsParallelCapable();
  }

  private final AppProcess process;
  private final List<String> childFirstPackages;
  private final List<URL> classpath;

  /** Only finds resources in the app's classpath; never defines classes. */
  private final URLClassLoader finder;

  public LaunchClassLoader(
      String name,
      AppProcess process,
      List<String> childFirstPackages,
      List<URL> classpath,
      ClassLoader parent) {
    super(name, parent);
    this.process = process;
    this.childFirstPackages = List.copyOf(childFirstPackages);
    this.classpath = List.copyOf(classpath);
    this.finder = new URLClassLoader(classpath.toArray(URL[]::new), null);
  }

  @Override
  public AppProcess process() {
    return process;
  }

  private boolean ownsClass(String className) {
    for (String prefix : childFirstPackages) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!ownsClass(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!ownsClass(name)) {
      throw new ClassNotFoundException(name);
    }
    String path = name.replace('.', '/') + ".class";
    URL url = finder.findResource(path);
    if (url == null) {
      throw new ClassNotFoundException(name + " (not in the app's classpath " + classpath + ")");
    }
    byte[] bytes;
    try {
      URLConnection connection = url.openConnection();
      // A cached JarFile would outlive the launch.
      connection.setUseCaches(false);
      try (InputStream in = connection.getInputStream()) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, domainFor(url));
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String packageName = className.substring(0, dot);
    if (getDefinedPackage(packageName) == null) {
      try {
        definePackage(packageName, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
        // Fine: the package exists now.
      }
    }
  }

  private ProtectionDomain domainFor(URL resource) {
    String text = resource.toExternalForm();
    URL root = null;
    for (URL entry : classpath) {
      if (text.startsWith(entry.toExternalForm())
          || text.startsWith("jar:" + entry.toExternalForm())) {
        root = entry;
        break;
      }
    }
    // The two-argument constructor leaves the domain's class loader empty (see class comment).
    return new ProtectionDomain(new CodeSource(root, (CodeSigner[]) null), null);
  }

  @Override
  protected URL findResource(String name) {
    return finder.findResource(name);
  }

  /** Releases the open classpath files; later class loading from this launch fails. */
  public void close() {
    try {
      finder.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
