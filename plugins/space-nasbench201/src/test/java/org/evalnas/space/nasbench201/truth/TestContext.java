package org.evalnas.space.nasbench201.truth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Map;
import org.evalnas.api.plugin.PluginContext;

/**
 * A plugin context like the host's: the section {@code ground-truth.nasbench201} with the given
 * settings over the plugin's reference.conf, resolved. {@code data} is always set explicitly
 * (null for "not set") so that an EVALNAS_NB201 in the environment cannot leak into tests.
 */
record TestContext(Config config) implements PluginContext {
  static final String SECTION = "ground-truth.nasbench201";

  static TestContext of(Path data, Map<String, Object> settings) {
    Config reference = ConfigFactory.parseResources("reference.conf").resolve();
    Config section =
        ConfigFactory.parseMap(settings)
            .withFallback(reference.getConfig(SECTION).withoutPath("data"))
            .withValue("data", ConfigValueFactory.fromAnyRef(data == null ? null : data.toString()));
    return new TestContext(section.resolve());
  }

  static TestContext of(Path data) {
    return of(data, Map.of());
  }

  @Override
  public String configPath() {
    return SECTION;
  }

  @Override
  public Path resolvePath(String path) {
    return Path.of(path);
  }

  @Override
  public java.util.Optional<Path> path(String key) {
    return config.hasPath(key) ? java.util.Optional.of(Path.of(config.getString(key))) : java.util.Optional.empty();
  }
}
