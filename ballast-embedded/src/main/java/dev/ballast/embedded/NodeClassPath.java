package dev.ballast.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The class path of a node's child JVM: only jar files, because a class-data-sharing archive cannot
 * be recorded with a directory on the class path. Ballast's own node entry point is packed into a
 * small jar of its own for the same reason (in a build, it lives in a {@code target/classes}
 * directory).
 */
final class NodeClassPath {

  private static final List<Class<?>> NODE_CLASSES = List.of(NodeMain.class, Directories.class);

  private NodeClassPath() {}

  /** Returns the child class path for the current JVM's class path {@code classPath}. */
  static String of(String classPath, Path cacheDir) {
    Set<String> jars = new LinkedHashSet<>();
    jars.add(nodeMainJar(cacheDir).toString());
    for (String entry : classPath.split(File.pathSeparator)) {
      addJars(Path.of(entry), jars);
    }
    return String.join(File.pathSeparator, jars);
  }

  private static void addJars(Path entry, Set<String> jars) {
    if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
      return;
    }
    jars.add(entry.toAbsolutePath().toString());
    // Surefire and some launchers pass one jar whose manifest names the real class path.
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String cp =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (cp == null) {
        return;
      }
      for (String ref : cp.trim().split("\\s+")) {
        Path p = ref.startsWith("file:") ? Path.of(URI.create(ref)) : entry.resolveSibling(ref);
        if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
          jars.add(p.toAbsolutePath().toString());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not a readable jar: the JVM would fail on it too; leave it to the child's error
    }
  }

  private static Path nodeMainJar(Path cacheDir) {
    try {
      byte[][] classes = new byte[NODE_CLASSES.size()][];
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < classes.length; i++) {
        classes[i] = classBytes(NODE_CLASSES.get(i));
        key.append(java.util.Arrays.hashCode(classes[i])).append('-');
      }
      Path jar =
          cacheDir.resolve(
              "ballast-node-" + Integer.toHexString(key.toString().hashCode()) + ".jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
      Files.createDirectories(cacheDir);
      Path tmp = Files.createTempFile(cacheDir, "ballast-node-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp);
          JarOutputStream jos = new JarOutputStream(out)) {
        for (int i = 0; i < classes.length; i++) {
          jos.putNextEntry(
              new JarEntry(NODE_CLASSES.get(i).getName().replace('.', '/') + ".class"));
          jos.write(classes[i]);
          jos.closeEntry();
        }
      }
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the node launcher jar in " + cacheDir, e);
    }
  }

  private static byte[] classBytes(Class<?> c) throws IOException {
    String resource = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class file of " + c.getName() + " not found");
      }
      return in.readAllBytes();
    }
  }
}
