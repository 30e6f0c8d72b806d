package org.evalnas.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.evalnas.api.policy.Budget;
import org.evalnas.runtime.execution.Backends;
import org.evalnas.runtime.execution.CpuIsa;

/**
 * The runtime's typed view of an experiment config.
 *
 * @param name the experiment name
 * @param seeds the seeds, in order
 * @param space the space provider
 * @param groundTruth the ground-truth provider, if any
 * @param policies the compared policies
 * @param baselinePolicy the policy the baseline runs
 * @param budget the policies' budget
 * @param baselineBudget the baseline's budget
 * @param evaluator the evaluator provider
 * @param parallel cells at once (resolved: at least 1)
 * @param outputDirectory where results go
 * @param keepTrajectory whether result.json keeps every query
 * @param workerProcesses whether cells that train networks run in worker processes when
 *     several cells run at once ({@code execution.workers = auto}) or in this process's
 *     threads ({@code threads})
 * @param cpuIsa {@code execution.cpu-isa} in oneDNN's spelling, empty for oneDNN's own choice
 */
public record ExperimentSettings(
    String name,
    List<Long> seeds,
    String space,
    Optional<String> groundTruth,
    List<String> policies,
    String baselinePolicy,
    Budget budget,
    Budget baselineBudget,
    String evaluator,
    int parallel,
    Path outputDirectory,
    boolean keepTrajectory,
    boolean workerProcesses,
    Optional<String> cpuIsa) {

  /** The name of the baseline's cells and summary row. */
  public static final String BASELINE = "random-baseline";

  /**
   * Reads the settings of a validated config.
   *
   * @throws ConfigProblemsException listing every value out of range
   */
  public static ExperimentSettings from(Config c) {
    List<ConfigProblem> problems = new ArrayList<>();
    int seeds = positive(c, "experiment.seeds", problems);
    int queries = positive(c, "experiment.budget.queries", problems);
    int baselineQueries = positive(c, "experiment.baseline.queries", problems);
    double seconds = c.getDouble("experiment.budget.simulated-seconds");
    if (seconds < 0) {
      problems.add(ConfigProblem.at(c.getValue("experiment.budget.simulated-seconds").origin(),
          "experiment.budget.simulated-seconds must be >= 0 (0 means no limit)"));
    }
    int parallel = c.getInt("execution.parallel");
    if (parallel < 0) {
      problems.add(ConfigProblem.at(c.getValue("execution.parallel").origin(),
          "execution.parallel must be >= 0 (0 means one per core)"));
    }
    String backend = c.getString("execution.backend");
    String workers = c.getString("execution.workers");
    if (!workers.equals("auto") && !workers.equals("threads")) {
      problems.add(ConfigProblem.at(c.getValue("execution.workers").origin(),
          "execution.workers must be auto or threads, got '" + workers + "'"));
    }
    Optional<String> cpuIsa = Optional.empty();
    if (!c.getIsNull("execution.cpu-isa")) {
      String value = c.getString("execution.cpu-isa");
      cpuIsa = CpuIsa.canonical(value);
      if (cpuIsa.isEmpty()) {
        problems.add(ConfigProblem.at(c.getValue("execution.cpu-isa").origin(),
            "execution.cpu-isa must be null or one of " + String.join(", ", CpuIsa.NAMES)
                + ", got '" + value + "'"));
      }
    }
    if (!Backends.ALL.contains(backend)) {
      problems.add(ConfigProblem.at(c.getValue("execution.backend").origin(),
          "unknown execution.backend '" + backend + "'; available: " + String.join(", ", Backends.ALL)));
    }
    List<String> policies = c.getStringList("experiment.policies");
    for (String p : policies) {
      if (p.equals(BASELINE) || policies.indexOf(p) != policies.lastIndexOf(p)) {
        problems.add(ConfigProblem.at(c.getValue("experiment.policies").origin(),
            "experiment.policies: '" + p + "' is reserved or listed twice"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    long first = c.getLong("experiment.first-seed");
    double limit = seconds == 0 ? Double.POSITIVE_INFINITY : seconds;
    return new ExperimentSettings(
        c.getString("experiment.name"),
        LongStream.range(first, first + seeds).boxed().toList(),
        c.getString("experiment.space"),
        c.getIsNull("experiment.ground-truth")
            ? Optional.empty()
            : Optional.of(c.getString("experiment.ground-truth")),
        List.copyOf(policies),
        c.getString("experiment.baseline.policy"),
        new Budget(queries, limit),
        new Budget(baselineQueries, Double.POSITIVE_INFINITY),
        c.getString("experiment.evaluator"),
        parallel == 0 ? Runtime.getRuntime().availableProcessors() : parallel,
        c.getIsNull("output.directory")
            ? Path.of("results", c.getString("experiment.name"))
            : Path.of(c.getString("output.directory")),
        c.getBoolean("output.trajectory"),
        workers.equals("auto"),
        cpuIsa);
  }

  private static int positive(Config c, String key, List<ConfigProblem> problems) {
    try {
      int v = c.getInt(key);
      if (v < 1) {
        problems.add(ConfigProblem.at(c.getValue(key).origin(), key + " must be >= 1, got " + v));
      }
      return v;
    } catch (ConfigException.WrongType e) {
      problems.add(ConfigProblem.at(c.getValue(key).origin(), key + " must be a whole number"));
      return 1;
    }
  }

  /** Every policy name with cells: the baseline first, then the compared policies. */
  public List<String> cellPolicies() {
    List<String> all = new ArrayList<>();
    all.add(BASELINE);
    all.addAll(policies);
    return all;
  }
}
