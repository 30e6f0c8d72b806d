package org.evalnas.space.nasbench101.build;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.space.nasbench101.Nb101Space;

/**
 * The {@code benchmark} section of a build config, over the defaults in the plugin's {@code
 * reference.conf}. Relative paths ({@code output}, {@code recipe.data-dir}) resolve against the
 * config file's directory.
 *
 * @param maxVertices the space: every unique cell with at most this many vertices
 * @param cells how many of its cells to train, in the space's order; 0 = all
 * @param repeats training runs per cell, with seeds {@code firstSeed, firstSeed + 1, ...}
 * @param firstSeed the seed of repeat 0
 * @param output the build's directory
 * @param recipe how each run trains
 */
record BuildSettings(
    Path file, int maxVertices, int cells, int repeats, long firstSeed, Path output, TrainRecipe recipe) {

  static final String SECTION = "benchmark";

  static BuildSettings load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, null, "no such config file");
    }
    Config config;
    try {
      Config user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      for (String o : overrides) {
        user = ConfigFactory.parseString(o).withFallback(user);
      }
      Config reference =
          ConfigFactory.parseResources(BuildSettings.class.getClassLoader(), "reference.conf");
      config = user.withFallback(reference).resolve(ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new InputException(file, null, e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    Config b = config.getConfig(SECTION);
    String key = SECTION + ".space";
    try {
      String space = b.getString("space");
      if (!space.equals(Nb101Space.NAME)) {
        throw new InputException(file, "key " + key,
            "only the " + Nb101Space.NAME + " space can be built, not '" + space + "'");
      }
      key = SECTION + ".max-vertices";
      int maxVertices = b.getInt("max-vertices");
      if (maxVertices < 2 || maxVertices > 7) {
        throw new InputException(file, "key " + key, "must be in 2..7, was " + maxVertices);
      }
      key = SECTION + ".cells";
      int cells = b.getInt("cells");
      key = SECTION + ".repeats";
      int repeats = b.getInt("repeats");
      if (repeats < 1 || cells < 0) {
        throw new InputException(file, "key " + key, "repeats must be at least 1, cells at least 0");
      }
      key = SECTION + ".first-seed";
      long firstSeed = b.getLong("first-seed");
      key = SECTION + ".output";
      if (b.getIsNull("output")) {
        throw new InputException(file, "key " + key, "is required: the build's directory");
      }
      Path output = dir.resolve(b.getString("output")).normalize();
      Config r = b.getConfig("recipe");
      Optional<Path> data =
          r.getIsNull("data-dir") ? Optional.empty() : Optional.of(dir.resolve(r.getString("data-dir")).normalize());
      TrainRecipe recipe;
      try {
        recipe = TrainRecipe.from(r, SECTION + ".recipe", data);
      } catch (InputException e) {
        throw new InputException(file, e.location().orElse(null), e.getMessage(), e);
      }
      return new BuildSettings(file, maxVertices, cells, repeats, firstSeed, output, recipe);
    } catch (ConfigException e) {
      throw new InputException(file, "key " + key, e.getMessage(), e);
    }
  }
}
