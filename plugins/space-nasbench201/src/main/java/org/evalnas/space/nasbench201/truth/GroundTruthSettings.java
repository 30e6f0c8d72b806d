package org.evalnas.space.nasbench201.truth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;

/**
 * The settings of {@code ground-truth.nasbench201}; the defaults and their documentation are in
 * the plugin's {@code reference.conf}, nowhere else.
 *
 * @param data the CSV file or NATS-Bench directory
 * @param searchMetric the metric policies search on
 * @param reportMetric the metric chosen architectures are reported with
 * @param natsEpochs which NATS-Bench training schedule to read, 12 or 200 epochs
 * @param configPath the section's path, for messages
 */
record GroundTruthSettings(
    Path data, String searchMetric, String reportMetric, int natsEpochs, String configPath) {

  /** What to tell a user who has no data configured. */
  static final String HOW_TO_GET_DATA =
      "Point it at NAS-Bench-201 data, either (a) a CSV table with the header "
          + "'index,arch,<dataset>_<split>,...' (accuracies in percent, one row per benchmark "
          + "index, e.g. nb201-12epoch.csv), or (b) the NATS-Bench topology archive in its "
          + "\"simple\" form: download NATS-tss-v1_0-3ffb9-simple.tar (linked from "
          + "https://github.com/D-X-Y/NATS-Bench), extract it, e.g. to "
          + "$TORCH_HOME/NATS-tss-v1_0-3ffb9-simple, so that the directory holds "
          + "meta.pickle.pbz2 and 000000.pickle.pbz2 ... 015624.pickle.pbz2. Then set "
          + "'ground-truth.nasbench201.data = <path>' in the experiment file or the environment "
          + "variable EVALNAS_NB201=<path>.";

  static GroundTruthSettings from(PluginContext context) {
    Config config = context.config();
    String section = context.configPath();
    if (!config.hasPath("data")) {
      throw new InputException(
          null, "key " + section + ".data", "no NAS-Bench-201 data is configured. " + HOW_TO_GET_DATA);
    }
    string(config, "data", section); // a type check with the key in its message
    // relative to the file that set it, or to the working directory for EVALNAS_NB201
    Path data = context.path("data").orElseThrow();
    if (!Files.exists(data)) {
      throw new InputException(
          data, "key " + section + ".data", "does not exist. " + HOW_TO_GET_DATA);
    }
    int epochs;
    try {
      epochs = config.getInt("nats-epochs");
    } catch (ConfigException e) {
      throw new InputException(null, "key " + section + ".nats-epochs", e.getMessage(), e);
    }
    if (epochs != 12 && epochs != 200) {
      throw new InputException(
          null,
          "key " + section + ".nats-epochs",
          "NATS-Bench has records for 12 and 200 training epochs, not " + epochs);
    }
    return new GroundTruthSettings(
        data,
        string(config, "search-metric", section),
        string(config, "report-metric", section),
        epochs,
        section);
  }

  private static String string(Config config, String key, String section) {
    try {
      return config.getString(key);
    } catch (ConfigException e) {
      throw new InputException(null, "key " + section + "." + key, e.getMessage(), e);
    }
  }
}
