package org.evalnas.runtime.execution.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a task asks SLURM for: the sbatch options of one policy's cells (or of the aggregation
 * job). Null means "do not pass the option" (the cluster's default).
 *
 * @param partition {@code --partition}
 * @param time {@code --time}
 * @param cpusPerTask {@code --cpus-per-task}
 * @param mem {@code --mem}
 * @param gres {@code --gres}, e.g. {@code gpu:1}
 * @param account {@code --account}
 * @param qos {@code --qos}
 * @param extra further sbatch options, one per {@code #SBATCH} line
 */
public record SlurmResources(
    String partition,
    String time,
    Integer cpusPerTask,
    String mem,
    String gres,
    String account,
    String qos,
    List<String> extra) {

  public SlurmResources {
    extra = List.copyOf(extra);
  }

  /** The {@code #SBATCH} lines of these resources. */
  public List<String> directives() {
    List<String> lines = new ArrayList<>();
    option(lines, "partition", partition);
    option(lines, "time", time);
    option(lines, "cpus-per-task", cpusPerTask == null ? null : cpusPerTask.toString());
    option(lines, "mem", mem);
    option(lines, "gres", gres);
    option(lines, "account", account);
    option(lines, "qos", qos);
    for (String e : extra) {
      lines.add("#SBATCH " + e.trim());
    }
    return lines;
  }

  private static void option(List<String> lines, String name, String value) {
    if (value != null) {
      lines.add("#SBATCH --" + name + "=" + value);
    }
  }
}
