package org.evalnas.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.results.ResultLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cell at a time, as a SLURM task runs it: stopped, checkpointed and resumed. */
class CellExecutorTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.load(Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CellKey CELL = new CellKey("test-random", 4);

  @TempDir Path dir;

  private CellExecutor executor(Path output, CheckpointOptions checkpoints, QueryListener listener, String... sets)
      throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(
        file,
        "experiment { name = toy, space = fake, ground-truth = fake, seeds = 6\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 30 }\n");
    LoadedConfig loaded = new ExperimentConfigLoader(REGISTRY.reference()).load(file, List.of(sets));
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    return new CellExecutor(REGISTRY, loaded, settings, output, Clock.systemUTC(), listener, checkpoints);
  }

  private ObjectNode result(Path output) throws IOException {
    ObjectNode o = (ObjectNode) JSON.readTree(CELL.directory(output).resolve(ResultLayout.RESULT).toFile());
    o.remove("timing");
    return o;
  }

  @Test
  void aStoppedCellResumesFromItsCheckpointToTheSameResult() throws IOException {
    Path whole = dir.resolve("whole");
    assertThat(executor(whole, CheckpointOptions.none(), QueryListener.NONE).run(CELL).ok()).isTrue();

    Path stopped = dir.resolve("stopped");
    StopSignal stop = new StopSignal();
    QueryListener stopAt13 = (cell, used, limit, score, report) -> {
      if (used == 13) {
        stop.request("test");
      }
    };
    CellAttempt first = executor(stopped, new CheckpointOptions(5, stop), stopAt13).run(CELL);
    assertThat(first.stopped()).isTrue();
    Path cellDir = CELL.directory(stopped);
    assertThat(cellDir.resolve(CellCheckpoints.FILE)).exists();
    assertThat(cellDir.resolve(ResultLayout.RESULT)).doesNotExist();
    assertThat(cellDir.resolve(ResultLayout.ERROR)).doesNotExist();
    assertThat(CellExecutor.hasCheckpoint(stopped, CELL)).isTrue();

    int[] queriesAfterResume = {0};
    CellAttempt second =
        executor(stopped, new CheckpointOptions(5, new StopSignal()), (c, used, limit, s, r) -> queriesAfterResume[0]++)
            .run(CELL);
    assertThat(second.ok()).isTrue();
    assertThat(queriesAfterResume[0]).as("only the queries after the checkpoint at 13").isEqualTo(17);
    assertThat(cellDir.resolve(CellCheckpoints.FILE)).as("deleted with the result").doesNotExist();
    assertThat(result(stopped)).isEqualTo(result(whole));
  }

  @Test
  void aCheckpointOfAnotherBudgetIsNotResumed() throws IOException {
    Path out = dir.resolve("out");
    StopSignal stop = new StopSignal();
    QueryListener stopAt8 = (cell, used, limit, score, report) -> {
      if (used == 8) {
        stop.request("test");
      }
    };
    assertThat(executor(out, new CheckpointOptions(0, stop), stopAt8).run(CELL).stopped()).isTrue();
    int[] queries = {0};
    CellAttempt again =
        executor(out, CheckpointOptions.none(), (c, used, limit, s, r) -> queries[0]++, "experiment.budget.queries=20")
            .run(CELL);
    assertThat(again.ok()).isTrue();
    assertThat(queries[0]).isEqualTo(20);
  }
}
