package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.evalnas.api.InputException;
import org.evalnas.runtime.execution.slurm.CellStates;
import org.evalnas.runtime.execution.slurm.CommandLineSlurm;
import org.evalnas.runtime.protocol.CellKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas status DIR}: each cell's state from its results and from SLURM's queue. */
@Command(name = "status", description = "Show the cells' states: finished, failed, missing, or SLURM's state of their task.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;

  @Parameters(index = "0", paramLabel = "DIR", description = "An experiment's output directory.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = root.spec.commandLine().getOut();
    CellStates states = CellStates.of(dir, new CommandLineSlurm(Optional.empty()));
    if (states.cells().isEmpty()) {
      throw new InputException(dir, null, "no cells here: neither results nor submitted SLURM jobs");
    }
    Map<String, Integer> counts = new TreeMap<>();
    out.printf("%-28s %8s  %-22s %s%n", "policy", "seed", "state", "task");
    for (Map.Entry<CellKey, CellStates.State> e : states.cells().entrySet()) {
      CellStates.State s = e.getValue();
      out.printf("%-28s %8d  %-22s %s%n", e.getKey().policy(), e.getKey().seed(), s.describe(), s.task() == null ? "" : s.task());
      counts.merge(s.state(), 1, Integer::sum);
    }
    for (Map.Entry<String, String> a : states.aggregates().entrySet()) {
      out.printf("aggregation job %s: %s%n", a.getKey(), a.getValue());
    }
    states.note().ifPresent(n -> out.println("note: " + n));
    out.println(String.join(", ", counts.entrySet().stream().map(c -> c.getValue() + " " + c.getKey()).toList()));
    return ExitCode.OK;
  }

}
