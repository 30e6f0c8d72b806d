package org.evalnas.space.nasbench201.truth;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.space.nasbench201.Nb201Space;
import org.pf4j.Extension;

/**
 * Opens NAS-Bench-201 ground truth ({@code ground-truth.nasbench201}) from the configured
 * {@code data}: a directory is read as the NATS-Bench topology "simple" archive, a file as a CSV
 * table. The keys are documented in the plugin's {@code reference.conf}.
 */
@Extension
public final class Nb201GroundTruthProvider implements GroundTruthProvider {

  @Override
  public String name() {
    return "nasbench201";
  }

  @Override
  public String description() {
    return "NAS-Bench-201 accuracies from a CSV table or the NATS-Bench topology archive";
  }

  @Override
  public String space() {
    return Nb201Space.NAME;
  }

  @Override
  public GroundTruth open(SearchSpace space, PluginContext context) {
    if (!Nb201Space.NAME.equals(space.name())) {
      throw new IllegalArgumentException(
          "NAS-Bench-201 ground truth serves the " + Nb201Space.NAME + " space, not "
              + space.name());
    }
    // lookups need the benchmark index; architectures are values, so our own copy of the
    // space maps those of any nasbench201 instance
    Nb201Space nb201 = space instanceof Nb201Space s ? s : Nb201Space.create();
    GroundTruthSettings settings = GroundTruthSettings.from(context);
    Path data = settings.data();
    if (Files.isDirectory(data)) {
      return NatsGroundTruth.open(nb201, data, settings);
    }
    if (data.getFileName().toString().endsWith(".pickle.pbz2")) {
      throw new InputException(data, "key " + settings.configPath() + ".data",
          "is a single-file NATS-Bench archive; it is not supported (it must be unpickled whole, "
              + "several GB in memory). Use the \"simple\" directory instead. "
              + GroundTruthSettings.HOW_TO_GET_DATA);
    }
    return new CsvTableReader(nb201, data).read(settings);
  }
}
