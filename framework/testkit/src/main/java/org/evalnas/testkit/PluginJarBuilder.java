package org.evalnas.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a real PF4J plugin jar, so that plugin loading is tested end to end.
 *
 * <p>The manifest carries {@code Plugin-Id}, {@code Plugin-Version} and optionally {@code
 * Plugin-Description} and other attributes; classes are copied, as bytes, from the class path
 * of the test (with their nested and anonymous classes); {@code META-INF/services} files list
 * extensions (what both PF4J's service-provider finder and {@link java.util.ServiceLoader}
 * read); any other resource, such as a {@code reference.conf}, is added as given.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("policy-demo")
 *     .version("1.2.0")
 *     .addService(SearchPolicyProvider.class, DemoProvider.class)
 *     .addResource("reference.conf", "policy.demo { }")
 *     .writeTo(tempDir);
 * }</pre>
 *
 * <p>For failure tests: {@link #omitPluginId()} writes a jar PF4J cannot identify, and {@link
 * #writeTruncatedTo(Path)} writes the first half of the jar's bytes.
 */
public final class PluginJarBuilder {
  private final String pluginId;
  private String version = "0.0.1";
  private boolean writePluginId = true;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Map<String, Set<String>> services = new LinkedHashMap<>();

  private PluginJarBuilder(String pluginId) {
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
  }

  /** Starts a plugin jar with this {@code Plugin-Id}. */
  public static PluginJarBuilder plugin(String pluginId) {
    return new PluginJarBuilder(pluginId);
  }

  /** Sets {@code Plugin-Version} (default {@code 0.0.1}). */
  public PluginJarBuilder version(String version) {
    this.version = Objects.requireNonNull(version, "version");
    return this;
  }

  /** Sets {@code Plugin-Description}. */
  public PluginJarBuilder description(String description) {
    return manifestAttribute("Plugin-Description", description);
  }

  /** Adds any manifest attribute, e.g. {@code Plugin-Requires}. */
  public PluginJarBuilder manifestAttribute(String name, String value) {
    attributes.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  /** Leaves {@code Plugin-Id} out of the manifest, to test how a broken plugin is reported. */
  public PluginJarBuilder omitPluginId() {
    writePluginId = false;
    return this;
  }

  /** Copies classes (with their nested and anonymous classes) from the test class path. */
  public PluginJarBuilder addClass(Class<?>... classes) {
    for (Class<?> type : classes) {
      copyClass(type);
    }
    return this;
  }

  /**
   * Lists extensions in {@code META-INF/services/<service>} and copies their classes.
   *
   * @param service the extension point, e.g. {@code SearchPolicyProvider.class}
   * @param implementations its implementations
   */
  public PluginJarBuilder addService(Class<?> service, Class<?>... implementations) {
    Set<String> names = services.computeIfAbsent(service.getName(), k -> new LinkedHashSet<>());
    for (Class<?> implementation : implementations) {
      names.add(implementation.getName());
      copyClass(implementation);
    }
    return this;
  }

  /** Adds a text resource (UTF-8), e.g. {@code reference.conf}. */
  public PluginJarBuilder addResource(String path, String text) {
    return addResource(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a resource. */
  public PluginJarBuilder addResource(String path, byte[] bytes) {
    entries.put(path, bytes.clone());
    return this;
  }

  /** The jar's file name: {@code <plugin-id>-<version>.jar}. */
  public String fileName() {
    return pluginId + "-" + version + ".jar";
  }

  /** Writes the jar into {@code directory} (created if needed) and returns its path. */
  public Path writeTo(Path directory) {
    return write(directory, bytes());
  }

  /** Writes only the first half of the jar's bytes: a corrupt zip with the right name. */
  public Path writeTruncatedTo(Path directory) {
    byte[] bytes = bytes();
    return write(directory, Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** The jar's bytes. */
  public byte[] bytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    directoriesWritten.clear();
    try (JarOutputStream jar = new JarOutputStream(buffer, manifest())) {
      for (Map.Entry<String, Set<String>> service : services.entrySet()) {
        put(jar, "META-INF/services/" + service.getKey(), serviceFile(service.getValue()));
      }
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        put(jar, entry.getKey(), entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private Manifest manifest() {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (writePluginId) {
      main.putValue("Plugin-Id", pluginId);
    }
    main.putValue("Plugin-Version", version);
    attributes.forEach(main::putValue);
    return manifest;
  }

  private static byte[] serviceFile(Set<String> names) {
    return (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private final Set<String> directoriesWritten = new LinkedHashSet<>();

  private void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    // directory entries first, as jar tools write them: PF4J's service-provider finder looks up
    // the directory META-INF/services as a resource, which a jar without the entry lacks
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      String directory = name.substring(0, slash + 1);
      if (directoriesWritten.add(directory) && !directory.equals("META-INF/")) {
        jar.putNextEntry(new JarEntry(directory));
        jar.closeEntry();
      }
    }
    jar.putNextEntry(new JarEntry(name));
    jar.write(bytes);
    jar.closeEntry();
  }

  private Path write(Path directory, byte[] bytes) {
    try {
      Files.createDirectories(directory);
      return Files.write(directory.resolve(fileName()), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyClass(Class<?> type) {
    Class<?> outermost = type;
    while (outermost.getEnclosingClass() != null) {
      outermost = outermost.getEnclosingClass();
    }
    String entry = outermost.getName().replace('.', '/') + ".class";
    URL url = outermost.getClassLoader().getResource(entry);
    if (url == null) {
      throw new IllegalArgumentException("no class file for " + outermost.getName());
    }
    // copy the whole nest: the top-level class and every Outer$... class beside it
    String prefix = entry.substring(0, entry.length() - ".class".length()) + "$";
    try {
      for (String name : nest(url, entry, prefix)) {
        try (InputStream in = outermost.getClassLoader().getResourceAsStream(name)) {
          entries.put(name, in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> nest(URL url, String entry, String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    names.add(entry);
    if ("file".equals(url.getProtocol())) {
      Path file;
      try {
        file = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IOException("bad class file URL " + url, e);
      }
      String simplePrefix = prefix.substring(prefix.lastIndexOf('/') + 1);
      String packagePath = entry.contains("/") ? entry.substring(0, entry.lastIndexOf('/') + 1) : "";
      try (Stream<Path> siblings = Files.list(file.getParent())) {
        siblings
            .map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith(simplePrefix) && n.endsWith(".class"))
            .sorted()
            .forEach(n -> names.add(packagePath + n));
      }
    } else if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> all = jar.entries();
        while (all.hasMoreElements()) {
          String name = all.nextElement().getName();
          if (name.startsWith(prefix) && name.endsWith(".class")) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }
}
