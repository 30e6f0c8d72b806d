package org.evalnas.space.nasbench101.truth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;

/**
 * The settings of {@code ground-truth.nasbench101}; their defaults and documentation are in the
 * plugin's {@code reference.conf}, nowhere else.
 *
 * @param data the benchmark file
 * @param searchMetric the metric policies search on
 * @param reportMetric the metric chosen architectures are reported with
 * @param configPath the section's path, for messages
 */
record GroundTruthSettings(Path data, String searchMetric, String reportMetric, String configPath) {

  /** What to tell a user who has no data. */
  static final String HOW_TO_GET_DATA =
      "Download the NAS-Bench-101 dataset nasbench_only108.tfrecord (about 500 MB) from "
          + "https://storage.googleapis.com/nasbench/nasbench_only108.tfrecord (the link in "
          + "https://github.com/google-research/nasbench, section 'Download the dataset'), "
          + "put it anywhere, e.g. ~/.evalnas/nasbench_only108.tfrecord, and set "
          + "'ground-truth.nasbench101.data = <path>' in the experiment file or the environment "
          + "variable EVALNAS_NB101=<path>. A JSON-lines table with hash, matrix, ops and metric "
          + "fields per line (e.g. naslib-cifar10-500.jsonl) also works, as a partial benchmark.";

  static GroundTruthSettings from(PluginContext context) {
    Config config = context.config();
    String section = context.configPath();
    Path data = context.path("data").orElseThrow(() -> new InputException(
        null, "key " + section + ".data", "no NAS-Bench-101 data is configured. " + HOW_TO_GET_DATA));
    if (!Files.isRegularFile(data)) {
      throw new InputException(data, "key " + section + ".data",
          "is not a file. " + HOW_TO_GET_DATA);
    }
    return new GroundTruthSettings(data, string(config, "search-metric", section),
        string(config, "report-metric", section), section);
  }

  private static String string(Config config, String key, String section) {
    try {
      return config.getString(key);
    } catch (ConfigException e) {
      throw new InputException(null, "key " + section + "." + key, e.getMessage(), e);
    }
  }
}
