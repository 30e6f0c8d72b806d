package org.evalnas.space.nasbench101.truth;

import java.nio.file.Path;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.space.nasbench101.Nb101Space;
import org.pf4j.Extension;

/**
 * Opens NAS-Bench-101 ground truth ({@code ground-truth.nasbench101}) from the configured
 * {@code data}; the keys are documented in the plugin's {@code reference.conf}.
 */
@Extension
public final class Nb101GroundTruthProvider implements GroundTruthProvider {

  @Override
  public String name() {
    return "nasbench101";
  }

  @Override
  public String description() {
    return "NAS-Bench-101 accuracies by official hash, from a JSON-lines table";
  }

  @Override
  public String space() {
    return Nb101Space.NAME;
  }

  @Override
  public GroundTruth open(SearchSpace space, PluginContext context) {
    if (!(space instanceof Nb101Space nb101)) {
      throw new IllegalArgumentException(
          "NAS-Bench-101 ground truth serves the " + Nb101Space.NAME + " space, not "
              + space.name());
    }
    GroundTruthSettings settings = GroundTruthSettings.from(context);
    Path data = settings.data();
    String name = data.getFileName().toString();
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return new JsonlTableReader(nb101, data).read(settings);
    }
    throw new InputException(data, "key " + settings.configPath() + ".data",
        "is not a JSON-lines table (.jsonl); this version of the plugin reads only those. "
            + "Reading the official .tfrecord is not implemented yet.");
  }
}
