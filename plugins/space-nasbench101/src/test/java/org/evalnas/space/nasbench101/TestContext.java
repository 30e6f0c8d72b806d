package org.evalnas.space.nasbench101;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.evalnas.api.plugin.PluginContext;

/**
 * A plugin context like the host's: a section of the plugin's reference.conf with the given
 * settings over it, resolved. Relative paths resolve against the working directory.
 *
 * @param config the section
 * @param configPath its path, e.g. {@code space.nasbench101}
 */
public record TestContext(Config config, String configPath) implements PluginContext {

  /** The section with these settings over its reference.conf defaults. */
  public static TestContext of(String section, Map<String, ?> settings) {
    Config reference = ConfigFactory.parseResources("reference.conf").resolve();
    Config merged = ConfigFactory.parseMap(settings).withFallback(reference.getConfig(section));
    return new TestContext(merged.resolve(), section);
  }

  @Override
  public Path resolvePath(String path) {
    return Path.of(path);
  }

  @Override
  public Optional<Path> path(String key) {
    return config.hasPath(key) ? Optional.of(Path.of(config.getString(key))) : Optional.empty();
  }
}
