package org.evalnas.space.nasbench101.truth;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkCache;
import org.pf4j.Extension;

/**
 * Opens NAS-Bench-101 ground truth ({@code ground-truth.nasbench101}) from the configured
 * {@code data}: the official {@code .tfrecord} file or a JSON-lines table ({@code .jsonl}); the
 * keys are documented in the plugin's {@code reference.conf}.
 */
@Extension
public final class Nb101GroundTruthProvider implements GroundTruthProvider {

  @Override
  public String name() {
    return "nasbench101";
  }

  @Override
  public String description() {
    return "NAS-Bench-101 accuracies by official hash, from the official tfrecord or a JSON-lines table";
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
    if (name.endsWith(".tfrecord") || name.endsWith(BenchmarkCache.SUFFIX)) {
      // the table is indexed by the 7-vertex catalog; a smaller space has a smaller one
      CellCatalog catalog = nb101.maxVertices() == CellEnumerator.MAX_VERTICES
          ? nb101.catalog()
          : CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
      if (name.endsWith(".tfrecord")) {
        return new TableTruth(nb101, BenchmarkCache.open(data, catalog), settings);
      }
      // the cache itself: through its benchmark file when that is beside it (a stale or
      // damaged cache is then converted again), else on its own
      Path source = data.resolveSibling(name.substring(0, name.length() - BenchmarkCache.SUFFIX.length()));
      return new TableTruth(
          nb101,
          Files.isRegularFile(source) ? BenchmarkCache.open(source, catalog) : BenchmarkCache.openCache(data, catalog),
          settings);
    }
    throw new InputException(data, "key " + settings.configPath() + ".data",
        "is neither the official benchmark (.tfrecord), its cache (" + BenchmarkCache.SUFFIX
            + ") nor a JSON-lines table (.jsonl)");
  }
}
