package org.evalnas.space.nasbench201.truth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalnas.api.truth.TruthRecord;

/**
 * Reads one NATS-Bench topology record file ({@code NNNNNN.pickle.pbz2}) into a {@link
 * TruthRecord} for one training schedule.
 *
 * <p>The file is a dict from schedule ({@code "12"}, {@code "200"}) to an {@code ArchResults}
 * state dict: {@code arch_index}, {@code arch_str}, {@code dataset_seed} (dataset to its
 * seeds) and {@code all_results}, keyed by {@code (dataset, seed)}, each a {@code ResultsCount}
 * state dict with {@code epochs}, {@code eval_acc1es} / {@code eval_times} (keyed
 * {@code "<set>@<epoch>"}) and {@code train_times} (epoch to seconds). {@link NatsMetric} says
 * which entries make which metric.
 *
 * <p>{@link TruthRecord#trainingSeconds()} is what the official {@code simulate_train_eval}
 * charges for querying the search metric: the total training time on its dataset plus one
 * epoch's evaluation time on its set, here averaged over the seeds (the official API draws a
 * random seed; the average keeps lookups deterministic). It is NaN when the record has no
 * times.
 */
final class NatsRecordReader {
  private final String schedule;
  private final NatsMetric timedMetric;

  /**
   * @param epochs the schedule to read, 12 or 200
   * @param timedMetric the metric whose training time a query costs
   */
  NatsRecordReader(int epochs, NatsMetric timedMetric) {
    this.schedule = Integer.toString(epochs);
    this.timedMetric = timedMetric;
  }

  TruthRecord read(Path file, int index, String label) {
    PickleTree tree = new PickleTree(file);
    Map<?, ?> root = tree.map(PickleFile.read(file), "the file");
    if (!root.containsKey(schedule)) {
      throw tree.fault("['" + schedule + "']", "has no results for " + schedule
          + " epochs (nats-epochs); it has " + root.keySet());
    }
    String at = "['" + schedule + "']";
    Map<?, ?> results = tree.map(root.get(schedule), at);
    int recordedIndex = tree.integer(tree.get(results, "arch_index", at), at + "['arch_index']");
    if (recordedIndex != index) {
      throw tree.fault(at + "['arch_index']",
          "is " + recordedIndex + ", but the file name says " + index);
    }
    String recordedArch = tree.string(tree.get(results, "arch_str", at), at + "['arch_str']");
    if (!recordedArch.equals(label)) {
      throw tree.fault(at + "['arch_str']", "is " + recordedArch + ", but index " + index
          + " is " + label);
    }
    Map<?, ?> seeds = tree.map(tree.get(results, "dataset_seed", at), at + "['dataset_seed']");
    Map<String, Map<?, ?>> trials = trials(tree, results, at);

    Map<String, Double> metrics = new HashMap<>();
    for (NatsMetric metric : NatsMetric.values()) {
      metrics.put(metric.metricName(), accuracy(tree, seeds, trials, metric, at));
    }
    return new TruthRecord(metrics, seconds(tree, seeds, trials, timedMetric, at));
  }

  /** The trials by "dataset@seed"; pickled tuple keys arrive as Object[] without equality. */
  private static Map<String, Map<?, ?>> trials(PickleTree tree, Map<?, ?> results, String at) {
    String path = at + "['all_results']";
    Map<?, ?> all = tree.map(tree.get(results, "all_results", at), path);
    Map<String, Map<?, ?>> trials = new HashMap<>();
    for (Map.Entry<?, ?> e : all.entrySet()) {
      if (!(e.getKey() instanceof Object[] key) || key.length != 2) {
        throw tree.fault(path, "keys should be (dataset, seed) tuples, found " + e.getKey());
      }
      String name = key[0] + "@" + key[1];
      trials.put(name, tree.map(e.getValue(), path + "[" + tuple(key[0], key[1]) + "]"));
    }
    return trials;
  }

  private static List<?> seedsOf(
      PickleTree tree, Map<?, ?> seeds, NatsMetric metric, String at) {
    String path = at + "['dataset_seed']";
    List<?> list = tree.list(tree.get(seeds, metric.dataset(), path), path + "['" + metric.dataset() + "']");
    if (list.isEmpty()) {
      throw tree.fault(path + "['" + metric.dataset() + "']", "lists no seeds");
    }
    return list;
  }

  private static Map<?, ?> trial(
      PickleTree tree, Map<String, Map<?, ?>> trials, NatsMetric metric, Object seed, String at) {
    Map<?, ?> trial = trials.get(metric.dataset() + "@" + seed);
    if (trial == null) {
      throw tree.fault(at + "['all_results']", "has no trial " + tuple(metric.dataset(), seed)
          + " although dataset_seed lists it");
    }
    return trial;
  }

  private static double accuracy(PickleTree tree, Map<?, ?> seeds,
      Map<String, Map<?, ?>> trials, NatsMetric metric, String at) {
    double sum = 0;
    List<?> list = seedsOf(tree, seeds, metric, at);
    for (Object seed : list) {
      String path = at + "['all_results'][" + tuple(metric.dataset(), seed) + "]";
      Map<?, ?> trial = trial(tree, trials, metric, seed, at);
      int epochs = tree.integer(tree.get(trial, "epochs", path), path + "['epochs']");
      Map<?, ?> accs = tree.map(tree.get(trial, "eval_acc1es", path), path + "['eval_acc1es']");
      String key = metric.evalSet() + "@" + (epochs - 1);
      sum += tree.number(tree.get(accs, key, path + "['eval_acc1es']"),
          path + "['eval_acc1es']['" + key + "']");
    }
    return sum / list.size();
  }

  private static double seconds(PickleTree tree, Map<?, ?> seeds,
      Map<String, Map<?, ?>> trials, NatsMetric metric, String at) {
    double sum = 0;
    List<?> list = seedsOf(tree, seeds, metric, at);
    for (Object seed : list) {
      String path = at + "['all_results'][" + tuple(metric.dataset(), seed) + "]";
      Map<?, ?> trial = trial(tree, trials, metric, seed, at);
      int epochs = tree.integer(tree.get(trial, "epochs", path), path + "['epochs']");
      if (!(trial.get("train_times") instanceof Map<?, ?> trainTimes)
          || !(trial.get("eval_times") instanceof Map<?, ?> evalTimes)) {
        return Double.NaN; // an archive without times
      }
      double train = 0;
      for (Map.Entry<?, ?> e : trainTimes.entrySet()) {
        train += tree.number(e.getValue(), path + "['train_times'][" + e.getKey() + "]");
      }
      double eval = 0;
      for (int epoch = 0; epoch < epochs; epoch++) {
        String key = metric.evalSet() + "@" + epoch;
        Object time = evalTimes.get(key);
        if (time == null) {
          return Double.NaN;
        }
        eval += tree.number(time, path + "['eval_times']['" + key + "']");
      }
      sum += train + eval / epochs;
    }
    return sum / list.size();
  }

  private static String tuple(Object dataset, Object seed) {
    return "('" + dataset + "', " + seed + ")";
  }
}
