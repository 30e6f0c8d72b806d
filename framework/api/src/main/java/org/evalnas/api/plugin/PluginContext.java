package org.evalnas.api.plugin;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the host hands a provider when it builds its object: its own config section, already
 * merged over its {@code reference.conf} and resolved, and a way to resolve paths.
 */
public interface PluginContext {

  /** The provider's own config section (e.g. {@code policy.regularized-evolution}). */
  Config config();

  /** The dotted path of {@link #config()} in the whole config, for messages. */
  String configPath();

  /**
   * Resolves a path from the config: absolute paths stay, relative ones are taken relative to
   * the experiment file's directory.
   */
  Path resolvePath(String path);

  /**
   * The path a key of {@link #config()} holds, resolved against where its value came from: the
   * directory of the file that set it, or the working directory for values from the command
   * line or the environment. Empty when the key is absent or null.
   */
  Optional<Path> path(String key);
}
