package org.evalnas.runtime.execution.slurm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evalnas.runtime.config.ConfigProblem;
import org.evalnas.runtime.config.ConfigProblemsException;

/**
 * The typed view of {@code execution.slurm}: default resources, per-policy overrides, the
 * aggregation job's resources and how tasks run. Defaults live only in the runtime's
 * reference.conf.
 *
 * @param defaults every cell's resources unless its policy overrides them
 * @param perPolicy the resources of the policies that override some, by cell policy name
 * @param aggregate the aggregation job's resources
 * @param jobName the jobs' name
 * @param maxParallel tasks of an array running at once, 0 = no limit
 * @param checkpointQueries queries between checkpoints of a black-box search
 * @param launcher the command a task runs evalnas with, if configured
 * @param templates the directory of the sbatch templates, if configured
 * @param setup shell lines a task runs before evalnas
 * @param commands the directory of sbatch, squeue, scancel and sinfo, if not on PATH
 */
public record SlurmSettings(
    SlurmResources defaults,
    Map<String, SlurmResources> perPolicy,
    SlurmResources aggregate,
    String jobName,
    int maxParallel,
    int checkpointQueries,
    Optional<String> launcher,
    Optional<Path> templates,
    List<String> setup,
    Optional<Path> commands) {

  static final String SECTION = "execution.slurm";
  private static final Set<String> RESOURCE_KEYS =
      Set.of("partition", "time", "cpus-per-task", "mem", "gres", "account", "qos", "extra");

  /** The resources of a cell's task. */
  public SlurmResources resources(String cellPolicy) {
    return perPolicy.getOrDefault(cellPolicy, defaults);
  }

  /**
   * Reads {@code execution.slurm} of a validated config.
   *
   * @param cellPolicies the experiment's cell policies (the baseline's included), which the
   *     per-policy overrides must name
   * @throws ConfigProblemsException listing every problem
   */
  public static SlurmSettings from(Config whole, List<String> cellPolicies, String experiment) {
    Config c = whole.getConfig(SECTION);
    List<ConfigProblem> problems = new ArrayList<>();
    SlurmResources defaults = resources(c, null, "", problems);
    Map<String, SlurmResources> perPolicy = new LinkedHashMap<>();
    if (c.hasPath("policies")) {
      ConfigValue v = c.getValue("policies");
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(ConfigProblem.at(v.origin(), SECTION + ".policies must be an object: policies { <policy> { time = ... } }"));
      } else {
        for (Map.Entry<String, ConfigValue> e : ((ConfigObject) v).entrySet()) {
          String policy = e.getKey();
          String path = SECTION + ".policies." + policy;
          if (!cellPolicies.contains(policy)) {
            problems.add(ConfigProblem.at(e.getValue().origin(),
                path + ": '" + policy + "' is not a policy of this experiment; its cells are of: "
                    + String.join(", ", cellPolicies)));
            continue;
          }
          if (e.getValue().valueType() != ConfigValueType.OBJECT) {
            problems.add(ConfigProblem.at(e.getValue().origin(), path + " must be an object of sbatch resources"));
            continue;
          }
          Config override = ((ConfigObject) e.getValue()).toConfig();
          for (String key : ((ConfigObject) e.getValue()).keySet()) {
            if (!RESOURCE_KEYS.contains(key)) {
              problems.add(ConfigProblem.at(override.getValue(quote(key)).origin(),
                  "unknown key " + path + "." + key + "; known: " + String.join(", ", RESOURCE_KEYS.stream().sorted().toList())));
            }
          }
          perPolicy.put(policy, resources(override, defaults, path + ".", problems));
        }
      }
    }
    Config agg = c.getConfig("aggregate");
    SlurmResources aggregateDefaults =
        new SlurmResources(defaults.partition(), null, null, null, null, defaults.account(), defaults.qos(), List.of());
    SlurmResources aggregate = resources(agg, aggregateDefaults, "aggregate.", problems);
    int maxParallel = c.getInt("max-parallel");
    if (maxParallel < 0) {
      problems.add(ConfigProblem.at(c.getValue("max-parallel").origin(), SECTION + ".max-parallel must be >= 0 (0 = no limit)"));
    }
    int checkpointQueries = c.getInt("checkpoint-queries");
    if (checkpointQueries < 0) {
      problems.add(ConfigProblem.at(c.getValue("checkpoint-queries").origin(),
          SECTION + ".checkpoint-queries must be >= 0 (0 = only when the task is stopped)"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new SlurmSettings(
        defaults,
        perPolicy,
        aggregate,
        string(c, "job-name").orElse("evalnas-" + experiment),
        maxParallel,
        checkpointQueries,
        string(c, "launcher"),
        path(c, "templates"),
        c.getStringList("setup"),
        path(c, "commands"));
  }

  /** Reads resources; keys absent from {@code c} come from {@code base} (none when null). */
  private static SlurmResources resources(Config c, SlurmResources base, String prefix, List<ConfigProblem> problems) {
    Integer cpus = null;
    if (c.hasPathOrNull("cpus-per-task") ? !c.getIsNull("cpus-per-task") : false) {
      try {
        cpus = c.getInt("cpus-per-task");
        if (cpus < 1) {
          problems.add(ConfigProblem.at(c.getValue("cpus-per-task").origin(), SECTION + "." + prefix + "cpus-per-task must be >= 1"));
        }
      } catch (ConfigException.WrongType e) {
        problems.add(ConfigProblem.at(c.getValue("cpus-per-task").origin(), SECTION + "." + prefix + "cpus-per-task must be a whole number"));
      }
    } else if (!c.hasPathOrNull("cpus-per-task") && base != null) {
      cpus = base.cpusPerTask();
    }
    List<String> extra;
    if (c.hasPath("extra")) {
      extra = c.getStringList("extra");
    } else {
      extra = base == null || c.hasPathOrNull("extra") ? List.of() : base.extra();
    }
    return new SlurmResources(
        field(c, "partition", base == null ? null : base.partition()),
        field(c, "time", base == null ? null : base.time()),
        cpus,
        field(c, "mem", base == null ? null : base.mem()),
        field(c, "gres", base == null ? null : base.gres()),
        field(c, "account", base == null ? null : base.account()),
        field(c, "qos", base == null ? null : base.qos()),
        extra);
  }

  /** A key's value; absent = inherited, null = none. */
  private static String field(Config c, String key, String inherited) {
    if (!c.hasPathOrNull(key)) {
      return inherited;
    }
    return c.getIsNull(key) ? null : c.getString(key);
  }

  private static Optional<String> string(Config c, String key) {
    return c.hasPath(key) ? Optional.of(c.getString(key)).filter(s -> !s.isBlank()) : Optional.empty();
  }

  /** A path setting, resolved against the file that set it (or the working directory). */
  private static Optional<Path> path(Config c, String key) {
    return string(c, key)
        .map(
            v -> {
              String file = c.getValue(key).origin().filename();
              Path base = file != null ? Path.of(file).toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
              return base.resolve(v).normalize();
            });
  }

  private static String quote(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }
}
