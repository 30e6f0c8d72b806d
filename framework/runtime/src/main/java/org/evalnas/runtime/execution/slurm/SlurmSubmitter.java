package org.evalnas.runtime.execution.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.execution.CpuIsa;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellExecutor;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.ProvenanceWriter;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.report.SummaryWriter;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.ResultLayout;

/**
 * {@code evalnas run} with {@code execution.backend = slurm}: submits the experiment's
 * unfinished cells that are not queued already, as one array job per distinct set of
 * resources (one task per cell), and an aggregation job that runs {@code evalnas report} after
 * them ({@code --dependency=afterany}).
 *
 * <p>Everything that can be checked is checked before the first job is submitted: the
 * settings, the SLURM commands, the partitions, the templates and each script ({@code sbatch
 * --test-only}). When a later submission fails anyway, the jobs submitted before it are
 * cancelled, so an experiment is never half-submitted.
 */
public final class SlurmSubmitter {
  /** sbatch templates, in the templates directory. */
  public static final String CELL_TEMPLATE = "evalnas-cell.sbatch";
  public static final String AGGREGATE_TEMPLATE = "evalnas-aggregate.sbatch";
  /** SLURM's usual MaxArraySize is 1001: larger groups are split. */
  static final int MAX_ARRAY = 1000;

  private final SlurmClient client;
  private final Clock clock;
  private final Optional<Path> home;

  /**
   * @param home the evalnas home (the launcher's {@code evalnas.home}), where {@code evalnas} and
   *     {@code slurm/} are, if known
   */
  public SlurmSubmitter(SlurmClient client, Clock clock, Optional<Path> home) {
    this.client = client;
    this.clock = clock;
    this.home = home;
  }

  /**
   * What to submit.
   *
   * @param registry the plugins (for provenance)
   * @param loaded the config
   * @param settings its experiment settings
   * @param output the results directory
   * @param fresh delete earlier results first
   * @param sets the {@code --set} overrides, passed on to every task
   * @param plugins the {@code --plugins} directory, passed on to every task
   */
  public record Request(
      PluginRegistry registry,
      LoadedConfig loaded,
      ExperimentSettings settings,
      Path output,
      boolean fresh,
      List<String> sets,
      Optional<Path> plugins) {}

  /**
   * What was submitted.
   *
   * @param submitted cells submitted now
   * @param finished cells finished before
   * @param queued cells still queued from an earlier submission
   * @param arrays the array jobs' ids
   * @param aggregate the aggregation job's id, or null when nothing was submitted
   */
  public record Outcome(int submitted, int finished, int queued, List<String> arrays, String aggregate) {}

  /**
   * Submits.
   *
   * @throws InputException (exit 2) for bad settings, a missing command or partition, or a
   *     script SLURM refuses; nothing is submitted then
   */
  public Outcome submit(Request r, PrintWriter out) {
    ExperimentSettings settings = r.settings();
    Path output = r.output().toAbsolutePath().normalize();
    SlurmSettings slurm = SlurmSettings.from(r.loaded().config(), settings.cellPolicies(), settings.name());
    List<String> missing = client.missingCommands();
    if (!missing.isEmpty()) {
      throw new SlurmException(
          String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
              + " not " + slurm.commands().map(d -> "in " + d + " (execution.slurm.commands)").orElse("on PATH")
              + "; execution.backend = slurm submits with the SLURM commands: run on a login node of the cluster,"
              + " or set execution.slurm.commands to their directory");
    }
    checkPartitions(slurm, settings);
    Path templates = slurm.templates().or(() -> home.map(h -> h.resolve("slurm"))).orElseThrow(
        () -> new InputException(null, "key execution.slurm.templates",
            "cannot find the sbatch templates: run through the evalnas launcher (it sets evalnas.home) or set execution.slurm.templates"));
    String cellTemplate = readTemplate(templates.resolve(CELL_TEMPLATE));
    String aggregateTemplate = readTemplate(templates.resolve(AGGREGATE_TEMPLATE));
    String launcher = launcher(slurm);


    List<SubmissionLog.Submission> earlier = SubmissionLog.read(output);
    Map<CellKey, String> tasks = SubmissionLog.tasks(output, earlier);
    Map<String, String> queue = client.queue(SubmissionLog.jobIds(earlier));
    if (r.fresh()) {
      if (tasks.values().stream().anyMatch(queue::containsKey)) {
        throw new InputException(output, null,
            "--fresh would delete results that queued tasks are writing; run 'evalnas cancel " + output + "' first");
      }
      ResultLayout.clear(output, settings.cellPolicies());
      deleteTree(output.resolve(SubmissionLog.DIRECTORY));
      earlier = List.of();
      tasks = Map.of();
    }

    List<CellKey> pending = new ArrayList<>();
    int finished = 0;
    int queued = 0;
    for (CellKey cell : CellExecutor.cells(settings)) {
      if (CellExecutor.finished(output, settings.name(), cell).isPresent()) {
        finished++;
      } else if (tasks.containsKey(cell) && queue.containsKey(tasks.get(cell))) {
        queued++;
      } else {
        pending.add(cell);
      }
    }
    if (pending.isEmpty()) {
      if (queued == 0 && finished > 0) {
        SummaryWriter.write(SummaryBuilder.build(output), output);
      }
      out.printf("nothing to submit: %d cells finished, %d still queued%n", finished, queued);
      return new Outcome(0, finished, queued, List.of(), null);
    }

    // one array per distinct set of resources, in the order policies first appear
    Map<SlurmResources, List<CellKey>> groups = new LinkedHashMap<>();
    for (CellKey cell : pending) {
      groups.computeIfAbsent(slurm.resources(cell.policy()), k -> new ArrayList<>()).add(cell);
    }
    int seq = earlier.size() + 1;
    Path dir = output.resolve(SubmissionLog.DIRECTORY);
    Path logs = dir.resolve("logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logs, e);
    }
    List<Planned> plan = new ArrayList<>();
    int g = 0;
    for (Map.Entry<SlurmResources, List<CellKey>> group : groups.entrySet()) {
      List<CellKey> cells = group.getValue();
      for (int from = 0; from < cells.size(); from += MAX_ARRAY, g++) {
        List<CellKey> chunk = cells.subList(from, Math.min(cells.size(), from + MAX_ARRAY));
        String base = "cells-" + seq + "-" + g;
        Path list = dir.resolve(base + ".txt");
        Path script = dir.resolve(base + ".sbatch");
        CellList.write(list, chunk);
        String array = "0-" + (chunk.size() - 1) + (slurm.maxParallel() > 0 ? "%" + slurm.maxParallel() : "");
        String command =
            environment(settings) + launcher + plugins(r) + " run-cell " + Template.quote(r.loaded().file().toAbsolutePath().toString())
                + " --output " + Template.quote(output.toString())
                + " --cells " + Template.quote(list.toString())
                + sets(r);
        Map<String, String> values = values(slurm, slurm.jobName(), logs, group.getKey(), command);
        values.put("ARRAY", array);
        AtomicFiles.write(script, Template.render(cellTemplate, values, templates.resolve(CELL_TEMPLATE)).getBytes(StandardCharsets.UTF_8));
        plan.add(new Planned(script, output.relativize(list).toString(), chunk.size()));
      }
    }
    Path aggregateScript = dir.resolve("aggregate-" + seq + ".sbatch");
    String report = launcher + plugins(r) + " report --finish " + Template.quote(output.toString());
    AtomicFiles.write(
        aggregateScript,
        Template.render(aggregateTemplate, values(slurm, slurm.jobName() + "-report", logs, slurm.aggregate(), report),
                templates.resolve(AGGREGATE_TEMPLATE))
            .getBytes(StandardCharsets.UTF_8));

    // SLURM's own check of every script before the first one is submitted
    for (Planned p : plan) {
      client.test(p.script());
    }
    client.test(aggregateScript);

    new ProvenanceWriter(r.registry(), r.loaded(), settings, output).write(clock.instant(), null);
    List<String> submitted = new ArrayList<>();
    List<SubmissionLog.ArrayJob> arrays = new ArrayList<>();
    String aggregate;
    try {
      for (Planned p : plan) {
        String id = client.submit(p.script(), List.of());
        submitted.add(id);
        arrays.add(new SubmissionLog.ArrayJob(id, p.cells()));
      }
      aggregate = client.submit(aggregateScript, List.of("--dependency=afterany:" + String.join(":", submitted)));
    } catch (RuntimeException e) {
      if (!submitted.isEmpty()) {
        try {
          client.cancel(submitted);
        } catch (RuntimeException cancel) {
          e.addSuppressed(cancel);
        }
      }
      throw e;
    }
    SubmissionLog.append(output, new SubmissionLog.Submission(clock.instant(), arrays, aggregate));
    for (int i = 0; i < plan.size(); i++) {
      out.printf("submitted array job %s: %d cells (%s)%n", submitted.get(i), plan.get(i).tasks(), plan.get(i).cells());
    }
    out.printf(
        "submitted aggregation job %s (evalnas report after the arrays)%n%d cells submitted, %d finished before, %d still queued%n"
            + "watch: evalnas status %s%n",
        aggregate, pending.size(), finished, queued, output);
    return new Outcome(pending.size(), finished, queued, submitted, aggregate);
  }

  private record Planned(Path script, String cells, int tasks) {}

  private static String readTemplate(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file, null, "cannot read the sbatch template (execution.slurm.templates): " + e.getMessage());
    }
  }

  private String launcher(SlurmSettings slurm) {
    if (slurm.launcher().isPresent()) {
      return slurm.launcher().get();
    }
    Path script = home.map(h -> h.resolve("evalnas")).filter(Files::isRegularFile).orElseThrow(
        () -> new InputException(null, "key execution.slurm.launcher",
            "cannot find the evalnas launcher for the tasks: run through the evalnas launcher (it sets evalnas.home)"
                + " or set execution.slurm.launcher"));
    return "/bin/sh " + Template.quote(script.toAbsolutePath().toString());
  }

  private void checkPartitions(SlurmSettings slurm, ExperimentSettings settings) {
    Map<String, String> wanted = new LinkedHashMap<>();
    Optional.ofNullable(slurm.defaults().partition()).ifPresent(p -> wanted.put(p, "execution.slurm.partition"));
    for (Map.Entry<String, SlurmResources> e : slurm.perPolicy().entrySet()) {
      Optional.ofNullable(e.getValue().partition()).ifPresent(p -> wanted.putIfAbsent(p, "execution.slurm.policies." + e.getKey() + ".partition"));
    }
    Optional.ofNullable(slurm.aggregate().partition()).ifPresent(p -> wanted.putIfAbsent(p, "execution.slurm.aggregate.partition"));
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> known = client.partitions();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new InputException(null, "key " + e.getValue(),
            "the cluster has no partition '" + e.getKey() + "'; its partitions: "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private static Map<String, String> values(SlurmSettings slurm, String jobName, Path logs, SlurmResources resources, String command) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("JOB_NAME", jobName);
    v.put("LOG_DIR", logs.toString());
    v.put("RESOURCES", String.join("\n", resources.directives()));
    v.put("SETUP", String.join("\n", slurm.setup()));
    v.put("COMMAND", command);
    return v;
  }

  /** {@code env ONEDNN_MAX_CPU_ISA=value } when the experiment caps oneDNN, or "". */
  private static String environment(ExperimentSettings settings) {
    return settings.cpuIsa().map(isa -> "env " + CpuIsa.ENVIRONMENT + "=" + Template.quote(isa) + " ").orElse("");
  }

  private static String plugins(Request r) {
    return r.plugins().map(p -> " --plugins " + Template.quote(p.toAbsolutePath().toString())).orElse("");
  }

  private static String sets(Request r) {
    StringBuilder sb = new StringBuilder();
    for (String s : r.sets()) {
      sb.append(" --set ").append(Template.quote(s));
    }
    return sb.toString();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
