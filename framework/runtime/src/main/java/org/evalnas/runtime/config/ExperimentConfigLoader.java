package org.evalnas.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evalnas.api.InputException;

/**
 * Reads an experiment file and layers it, lowest first: the references, the file, environment
 * overrides ({@code CONFIG_FORCE_a_b=v} sets {@code a.b}, Typesafe Config's rule), then each
 * {@code --set key=value}.
 */
public final class ExperimentConfigLoader {
  private final Config reference;

  /** @param reference every module's and plugin's {@code reference.conf}, merged */
  public ExperimentConfigLoader(Config reference) {
    this.reference = reference;
  }

  /**
   * Loads and resolves.
   *
   * @throws InputException when the file is missing or unreadable
   * @throws ConfigProblemsException when the HOCON is malformed or a substitution fails
   */
  public LoadedConfig load(Path file, List<String> sets) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, null, "no such experiment file");
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults());
    } catch (ConfigException e) {
      throw new ConfigProblemsException(List.of(problemOf(e)));
    }
    user = ConfigFactory.systemEnvironmentOverrides().withFallback(user);
    for (String set : sets) {
      user = parseSet(set).withFallback(user);
    }
    try {
      Config resolved =
          user.withFallback(reference).resolve(ConfigResolveOptions.defaults());
      return new LoadedConfig(file.toAbsolutePath().normalize(), resolved, reference);
    } catch (ConfigException e) {
      throw new ConfigProblemsException(List.of(problemOf(e)));
    }
  }

  private static Config parseSet(String set) {
    int eq = set.indexOf('=');
    if (eq <= 0) {
      throw new ConfigProblemsException(
          List.of(new ConfigProblem("--set " + set, "expected key=value")));
    }
    String key = set.substring(0, eq).trim();
    String value = set.substring(eq + 1);
    ConfigParseOptions opts = ConfigParseOptions.defaults().setOriginDescription("--set " + set);
    try {
      // parsed as HOCON so that numbers, booleans and lists keep their types
      return ConfigFactory.parseString(key + " = " + quoteIfNeeded(value), opts);
    } catch (ConfigException e) {
      throw new ConfigProblemsException(List.of(problemOf(e)));
    }
  }

  private static String quoteIfNeeded(String value) {
    String v = value.trim();
    boolean structured = v.startsWith("[") || v.startsWith("{") || v.startsWith("\"");
    // a path such as a/b//c would otherwise start a comment
    if (!structured && (v.contains("//") || v.contains("#") || v.contains(":") || v.isEmpty())) {
      return com.typesafe.config.ConfigValueFactory.fromAnyRef(v).render();
    }
    return v;
  }

  static ConfigProblem problemOf(ConfigException e) {
    String message = e.getMessage();
    if (e.origin() != null) {
      String prefix = e.origin().description() + ": ";
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      return ConfigProblem.at(e.origin(), message);
    }
    return new ConfigProblem("config", message);
  }
}
