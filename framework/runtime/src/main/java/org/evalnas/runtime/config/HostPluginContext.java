package org.evalnas.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import java.nio.file.Path;
import java.util.Optional;
import org.evalnas.api.plugin.PluginContext;

/** The {@link PluginContext} the host hands a provider: its own section of the whole config. */
public final class HostPluginContext implements PluginContext {
  private final Config section;
  private final String path;
  private final Path baseDirectory;

  /**
   * @param whole the resolved whole config
   * @param path the provider's section, e.g. {@code policy.regularized-evolution}
   * @param experimentFile the experiment file, whose directory relative paths resolve against
   */
  public HostPluginContext(Config whole, String path, Path experimentFile) {
    this.section = whole.hasPath(path) ? whole.getConfig(path) : ConfigFactory.empty();
    this.path = path;
    this.baseDirectory = experimentFile.toAbsolutePath().getParent();
  }

  @Override
  public Config config() {
    return section;
  }

  @Override
  public String configPath() {
    return path;
  }

  @Override
  public Path resolvePath(String p) {
    return baseDirectory.resolve(p).normalize();
  }

  @Override
  public Optional<Path> path(String key) {
    if (!section.hasPath(key)) {
      return Optional.empty();
    }
    String value = section.getString(key);
    ConfigOrigin origin = section.getValue(key).origin();
    if (origin.filename() != null) {
      Path dir = Path.of(origin.filename()).toAbsolutePath().getParent();
      return Optional.of(dir.resolve(value).normalize());
    }
    // from the environment or --set: relative to where the user stands
    return Optional.of(Path.of(value).toAbsolutePath().normalize());
  }
}
