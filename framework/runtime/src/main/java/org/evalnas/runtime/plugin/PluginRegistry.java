package org.evalnas.runtime.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evalnas.api.plugin.NamedProvider;
import org.pf4j.PluginWrapper;

/**
 * Every provider the host can use: those on its own classpath ({@link ServiceLoader}) and those
 * in the PF4J plugin jars of a plugins directory. Jars that cannot be loaded are recorded as
 * {@link PluginProblem}s and skipped.
 */
public final class PluginRegistry {
  private final List<PluginInfo> plugins;
  private final List<ProviderEntry> providers;
  private final List<PluginProblem> problems;
  private final Config reference;

  private PluginRegistry(
      List<PluginInfo> plugins,
      List<ProviderEntry> providers,
      List<PluginProblem> problems,
      Config reference) {
    this.plugins = List.copyOf(plugins);
    this.providers = List.copyOf(providers);
    this.problems = List.copyOf(problems);
    this.reference = reference;
  }

  /**
   * Discovers the host's providers and loads every {@code *.jar} of {@code pluginsDir} (which
   * may be absent).
   */
  public static PluginRegistry load(Optional<Path> pluginsDir) {
    List<PluginInfo> plugins = new ArrayList<>();
    List<ProviderEntry> providers = new ArrayList<>();
    List<PluginProblem> problems = new ArrayList<>();
    ClassLoader host = PluginRegistry.class.getClassLoader();
    Config reference = parseReference(host, null);
    for (ProviderKind kind : ProviderKind.values()) {
      for (NamedProvider p : ServiceLoader.load(kind.type(), host)) {
        providers.add(new ProviderEntry(kind, p, Optional.empty()));
      }
    }
    if (pluginsDir.isPresent() && Files.isDirectory(pluginsDir.get())) {
      List<Path> jars = listJars(pluginsDir.get());
      if (!jars.isEmpty()) {
        ParentFirstPluginManager manager = new ParentFirstPluginManager(pluginsDir.get());
        for (Path jar : jars) {
          try {
            String id = manager.loadPlugin(jar);
            PluginWrapper wrapper = manager.getPlugin(id);
            PluginInfo info =
                new PluginInfo(id, wrapper.getDescriptor().getVersion(), jar);
            ClassLoader loader = wrapper.getPluginClassLoader();
            List<ProviderEntry> found = discover(loader, info);
            Config own = parseReference(loader, jar);
            plugins.add(info);
            providers.addAll(found);
            reference = reference.withFallback(own);
          } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            problems.add(new PluginProblem(jar, reason(e)));
          }
        }
      }
    }
    problems.addAll(duplicates(providers));
    return new PluginRegistry(plugins, dedupe(providers), problems, reference);
  }

  private static List<ProviderEntry> discover(ClassLoader loader, PluginInfo info) {
    List<ProviderEntry> found = new ArrayList<>();
    for (ProviderKind kind : ProviderKind.values()) {
      for (NamedProvider p : ServiceLoader.load(kind.type(), loader)) {
        // parent-first: the loader also sees the host's providers; keep the jar's own
        if (p.getClass().getClassLoader() == loader) {
          found.add(new ProviderEntry(kind, p, Optional.of(info)));
        }
      }
    }
    return found;
  }

  private static Config parseReference(ClassLoader loader, Path jar) {
    ConfigParseOptions options = ConfigParseOptions.defaults().setAllowMissing(true);
    if (jar == null) {
      return ConfigFactory.parseResources(loader, "reference.conf", options);
    }
    // only the jar's own file; getResource would answer the host's first
    URL own = ((URLClassLoader) loader).findResource("reference.conf");
    if (own == null) {
      return ConfigFactory.empty();
    }
    try {
      return ConfigFactory.parseURL(own, options.setAllowMissing(false));
    } catch (ConfigException e) {
      throw new IllegalStateException("its reference.conf is malformed: " + e.getMessage(), e);
    }
  }

  private static List<Path> listJars(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list plugins directory " + dir, e);
    }
  }

  private static String reason(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (sb.indexOf(m) < 0) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(m);
      }
    }
    return sb.toString();
  }

  private static List<PluginProblem> duplicates(List<ProviderEntry> providers) {
    Map<String, List<ProviderEntry>> byKey =
        providers.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.kind() + "/" + e.name(), LinkedHashMap::new, Collectors.toList()));
    List<PluginProblem> problems = new ArrayList<>();
    for (List<ProviderEntry> same : byKey.values()) {
      for (ProviderEntry extra : same.subList(1, same.size())) {
        problems.add(
            new PluginProblem(
                extra.plugin().map(PluginInfo::jar).orElse(Path.of("classpath")),
                extra.kind().label()
                    + " '"
                    + extra.name()
                    + "' is already provided by "
                    + same.get(0).origin()
                    + "; this one is ignored"));
      }
    }
    return problems;
  }

  private static List<ProviderEntry> dedupe(List<ProviderEntry> providers) {
    Map<String, ProviderEntry> first = new LinkedHashMap<>();
    for (ProviderEntry e : providers) {
      first.putIfAbsent(e.kind() + "/" + e.name(), e);
    }
    return List.copyOf(first.values());
  }

  /** The loaded plugin jars. */
  public List<PluginInfo> plugins() {
    return plugins;
  }

  /** Every provider, host classpath first, each name once per kind. */
  public List<ProviderEntry> providers() {
    return providers;
  }

  /** The providers of one kind. */
  public List<ProviderEntry> providers(ProviderKind kind) {
    return providers.stream().filter(e -> e.kind() == kind).toList();
  }

  /** The provider of a kind with a name. */
  public Optional<ProviderEntry> find(ProviderKind kind, String name) {
    return providers(kind).stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The provider of a kind with a name, typed. */
  public <T extends NamedProvider> T require(ProviderKind kind, String name, Class<T> type) {
    return type.cast(
        find(kind, name)
            .orElseThrow(() -> new IllegalArgumentException("no " + kind.label() + " " + name))
            .provider());
  }

  /** Jars that were skipped, and providers shadowed by an earlier one of the same name. */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** The host's and every plugin's {@code reference.conf}, merged, unresolved. */
  public Config reference() {
    return reference;
  }
}
