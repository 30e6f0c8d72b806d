package org.evalnas.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.evalnas.api.plugin.PluginContext;

/**
 * A {@link PluginContext} as the host builds one: a provider's section of the merged config
 * (test overrides over every {@code reference.conf} on the classpath), resolved.
 */
public final class TestPluginContext implements PluginContext {
  private final Config config;
  private final String configPath;
  private final Path baseDirectory;

  /**
   * @param config the provider's section
   * @param configPath its dotted path, for messages
   * @param baseDirectory what relative paths resolve against
   */
  public TestPluginContext(Config config, String configPath, Path baseDirectory) {
    this.config = Objects.requireNonNull(config, "config");
    this.configPath = Objects.requireNonNull(configPath, "configPath");
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
  }

  /** The section at {@code path} of the classpath's reference config, without overrides. */
  public static TestPluginContext forSection(String path) {
    return forSection(path, ConfigFactory.empty());
  }

  /**
   * The section at {@code path}: {@code overrides} (keys relative to the section) over the
   * classpath's reference config. Relative paths resolve against the working directory.
   */
  public static TestPluginContext forSection(String path, Config overrides) {
    Config reference = ConfigFactory.defaultReference();
    Config section = reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
    return new TestPluginContext(
        overrides.withFallback(section).resolve(), path, Path.of("").toAbsolutePath());
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public String configPath() {
    return configPath;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Values parsed from a file resolve against that file's directory; others (test overrides
   * made from maps or strings) against the base directory.
   */
  @Override
  public Optional<Path> path(String key) {
    if (!config.hasPath(key)) {
      return Optional.empty();
    }
    Path value = Path.of(config.getString(key));
    if (value.isAbsolute()) {
      return Optional.of(value);
    }
    String file = config.getValue(key).origin().filename();
    Path base = file == null ? baseDirectory : Path.of(file).toAbsolutePath().getParent();
    return Optional.of(base.resolve(value).normalize());
  }

  @Override
  public Path resolvePath(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
  }
}
