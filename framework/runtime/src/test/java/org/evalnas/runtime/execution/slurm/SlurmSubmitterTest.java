package org.evalnas.runtime.execution.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.runtime.cli.Main;
import org.evalnas.runtime.config.ConfigProblemsException;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.execution.CpuIsa;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submission against a fake SLURM: what is checked first, what is submitted, and how. */
class SlurmSubmitterTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.load(Optional.empty());

  @TempDir Path dir;
  private Path home;
  private Path out;
  private final FakeSlurm slurm = new FakeSlurm();

  @BeforeEach
  void home() throws IOException {
    home = dir.resolve("home");
    Files.createDirectories(home.resolve("slurm"));
    for (String t : List.of(SlurmSubmitter.CELL_TEMPLATE, SlurmSubmitter.AGGREGATE_TEMPLATE)) {
      Files.copy(Path.of("../../slurm").resolve(t), home.resolve("slurm").resolve(t));
    }
    Files.writeString(home.resolve("evalnas"), "#!/bin/sh\n");
    out = dir.resolve("out");
  }

  private SlurmSubmitter.Outcome submit(String extra, String... sets) throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(
        file,
        "experiment { name = toy, space = fake, ground-truth = fake, seeds = 3\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 5 }\n"
            + "execution.backend = slurm\n"
            + extra);
    LoadedConfig loaded = new ExperimentConfigLoader(REGISTRY.reference()).load(file, List.of(sets));
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    return new SlurmSubmitter(slurm, Clock.systemUTC(), Optional.of(home))
        .submit(
            new SlurmSubmitter.Request(REGISTRY, loaded, settings, out, false, List.of(sets), Optional.empty()),
            new PrintWriter(new StringWriter()));
  }

  @Test
  void submitsOneArrayOfEveryCellAndAnAggregationJobAfterIt() throws IOException {
    SlurmSubmitter.Outcome o = submit("", "experiment.budget.queries=6");
    assertThat(o.submitted()).isEqualTo(6);
    assertThat(slurm.tested).containsExactly("cells-1-0.sbatch", "aggregate-1.sbatch");
    assertThat(slurm.submitted).containsExactly("100", "101");
    assertThat(slurm.options.get(1)).containsExactly("--dependency=afterany:100");
    String script = slurm.scripts.get(0);
    assertThat(script)
        .contains("#SBATCH --array=0-5\n", "#SBATCH --requeue", "#SBATCH --time=02:00:00", "#SBATCH --mem=4G")
        .contains(" run-cell ", " --cells " + out.toAbsolutePath().resolve("slurm/cells-1-0.txt"))
        .contains("--set experiment.budget.queries=6", "--cell-index \"${SLURM_ARRAY_TASK_ID}\"")
        .doesNotContain("{{", "--partition", "--gres", CpuIsa.ENVIRONMENT);
    assertThat(slurm.scripts.get(1)).contains(" report --finish " + out.toAbsolutePath(), "#SBATCH --time=00:30:00");
    List<CellKey> cells = CellList.read(out.resolve("slurm/cells-1-0.txt"));
    assertThat(cells).hasSize(6).contains(new CellKey("random-baseline", 0), new CellKey("test-random", 2));
    List<SubmissionLog.Submission> log = SubmissionLog.read(out);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).aggregate()).isEqualTo("101");
    assertThat(SubmissionLog.tasks(out, log)).containsEntry(cells.get(3), "100_3");
    assertThat(out.resolve("provenance.json")).exists();
  }

  /** The task script, run by bash as SLURM would, starts the launcher with oneDNN's ISA set. */
  @Test
  void tasksStartWithTheConfiguredCpuIsa() throws Exception {
    Path seen = dir.resolve("seen.txt");
    Files.writeString(home.resolve("evalnas"), "#!/bin/sh\necho \"$ONEDNN_MAX_CPU_ISA $1\" > " + seen + "\n");
    submit("execution.cpu-isa = avx2\n");
    String script = slurm.scripts.get(0);
    assertThat(script).contains("exec env ONEDNN_MAX_CPU_ISA=AVX2 /bin/sh ");
    assertThat(slurm.scripts.get(1)).as("the report trains nothing").doesNotContain(CpuIsa.ENVIRONMENT);
    Path file = dir.resolve("task.sbatch");
    Files.writeString(file, script);
    ProcessBuilder task = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    task.environment().put("SLURM_ARRAY_TASK_ID", "0");
    task.environment().remove(CpuIsa.ENVIRONMENT);
    Process p = task.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(Files.readString(seen)).isEqualTo("AVX2 run-cell\n");
  }

  @Test
  void policiesWithTheirOwnResourcesGetTheirOwnArray() throws IOException {
    submit(
        "execution.slurm { partition = debug, account = lab\n"
            + "  policies { test-random { partition = gpu, gres = \"gpu:1\", time = \"12:00:00\", account = null } } }\n");
    assertThat(slurm.submitted).containsExactly("100", "101", "102");
    assertThat(slurm.options.get(2)).containsExactly("--dependency=afterany:100:101");
    String baseline = slurm.scripts.get(0);
    String gpu = slurm.scripts.get(1);
    assertThat(baseline).contains("--partition=debug", "--account=lab", "--time=02:00:00").doesNotContain("gres");
    assertThat(gpu).contains("--partition=gpu", "--gres=gpu:1", "--time=12:00:00", "--mem=4G").doesNotContain("--account");
    assertThat(CellList.read(out.resolve("slurm/cells-1-1.txt"))).allMatch(c -> c.policy().equals("test-random"));
  }

  @Test
  void aRerunSubmitsOnlyCellsThatAreNeitherFinishedNorQueued() throws IOException {
    submit("");
    // 100_0 (random-baseline 0) still runs; test-random 0 (100_1) finished; the rest ended without a result
    slurm.queue.put("100_0", "RUNNING");
    Path finished = new CellKey("test-random", 0).directory(out).resolve("result.json");
    Files.createDirectories(finished.getParent());
    Files.writeString(finished, "{}");  // not a valid result: it runs again
    SlurmSubmitter.Outcome o = submit("");
    assertThat(o.queued()).isEqualTo(1);
    assertThat(o.submitted()).isEqualTo(5);
    assertThat(CellList.read(out.resolve("slurm/cells-2-0.txt"))).doesNotContain(new CellKey("random-baseline", 0));
    assertThat(SubmissionLog.read(out)).hasSize(2);
  }

  @Test
  void aMissingCommandStopsBeforeAnythingIsWritten() {
    slurm.missing = List.of("sbatch");
    assertThatThrownBy(() -> submit(""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("sbatch is not on PATH");
    assertThat(out).doesNotExist();
    assertThat(slurm.submitted).isEmpty();
  }

  @Test
  void anUnknownPartitionStopsBeforeAnythingIsSubmitted() {
    assertThatThrownBy(() -> submit("execution.slurm.policies.test-random.partition = gpus\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no partition 'gpus'")
        .hasMessageContaining("debug, gpu");
    assertThat(slurm.tested).isEmpty();
    assertThat(slurm.submitted).isEmpty();
  }

  @Test
  void aFailedSubmissionCancelsTheJobsSubmittedBeforeIt() {
    slurm.failSubmission = 1;
    assertThatThrownBy(() -> submit("")).isInstanceOf(SlurmException.class).hasMessageContaining("out of luck");
    assertThat(slurm.cancelled).containsExactly("100");
    assertThat(SubmissionLog.read(out)).isEmpty();
  }

  @Test
  void overridesOfUnknownPoliciesOrKeysAreConfigProblems() {
    assertThatThrownBy(() -> submit("execution.slurm.policies { evolution { time = 1 }, test-random { tme = 2 } }\n"))
        .isInstanceOf(ConfigProblemsException.class)
        .satisfies(
            e -> assertThat(((ConfigProblemsException) e).problems())
                .anyMatch(p -> p.message().contains("'evolution' is not a policy of this experiment"))
                .anyMatch(p -> p.message().contains("unknown key execution.slurm.policies.test-random.tme")));
  }

  @Test
  void withoutSbatchOnPathTheCommandLineExitsWith2() throws IOException {
    Path file = dir.resolve("cli.conf");
    Files.writeString(
        file,
        "experiment { name = toy, space = fake, ground-truth = fake, seeds = 1, policies = [test-random]\n"
            + "  baseline.policy = test-random }\n"
            + "execution { backend = slurm, slurm.commands = \"" + dir.resolve("no-slurm-here") + "\" }\n");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(new String[] {"run", file.toString(), "--output", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("sbatch, squeue, scancel, sinfo are not in");
    assertThat(out).doesNotExist();
  }
}
