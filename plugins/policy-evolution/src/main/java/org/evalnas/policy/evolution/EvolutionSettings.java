package org.evalnas.policy.evolution;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;

/**
 * The settings of {@link RegularizedEvolution}; defaults live only in {@code reference.conf}.
 *
 * @param population the number of members alive at a time (P), at least 1
 * @param sampleSize the tournament size (S), from 1 to {@code population}
 */
public record EvolutionSettings(int population, int sampleSize) {

  /** The config key of {@link #population()}. */
  public static final String POPULATION = "population";

  /** The config key of {@link #sampleSize()}. */
  public static final String SAMPLE_SIZE = "sample-size";

  /**
   * @throws IllegalArgumentException when a value is out of range
   */
  public EvolutionSettings {
    if (population < 1) {
      throw new IllegalArgumentException(POPULATION + " must be >= 1, got " + population);
    }
    if (sampleSize < 1 || sampleSize > population) {
      throw new IllegalArgumentException(
          SAMPLE_SIZE + " must be in [1, " + population + "], got " + sampleSize);
    }
  }

  /**
   * Reads the settings from the provider's section.
   *
   * @throws InputException naming the key when a value is missing, not an integer or out of
   *     range
   */
  public static EvolutionSettings from(PluginContext context) {
    Config config = context.config();
    int population = readInt(context, config, POPULATION);
    int sampleSize = readInt(context, config, SAMPLE_SIZE);
    if (population < 1) {
      throw invalid(context, POPULATION, "must be at least 1, got " + population);
    }
    if (sampleSize < 1 || sampleSize > population) {
      throw invalid(
          context,
          SAMPLE_SIZE,
          "must be between 1 and population (" + population + "), got " + sampleSize);
    }
    return new EvolutionSettings(population, sampleSize);
  }

  private static int readInt(PluginContext context, Config config, String key) {
    try {
      return config.getInt(key);
    } catch (ConfigException e) {
      throw new InputException(
          null, "key " + context.configPath() + "." + key, "expected an integer: " + e.getMessage(), e);
    }
  }

  private static InputException invalid(PluginContext context, String key, String message) {
    return new InputException(null, "key " + context.configPath() + "." + key, message);
  }
}
