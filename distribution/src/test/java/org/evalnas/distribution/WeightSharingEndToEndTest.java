package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weight-sharing study through the plugin jars, on real data the test makes: a benchmark of
 * the 7 NAS-Bench-101 cells with at most 3 vertices (2 repeats each, Fashion-MNIST) is built
 * first; SPOS, FairNAS and WS-random then train supernets of that space (in worker processes,
 * two at a time), rank all 7 cells with the shared weights after each epoch and compare with
 * the benchmark. A run killed (SIGKILL) after its cell's first epoch takes its worker with it,
 * and the cell resumes from its checkpoint to the result an uninterrupted run gives.
 */
@Tag("slow")
class WeightSharingEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECIPE =
      "epochs = 1, batch-size = 64, train-images = 512, test-images = 512,"
          + " validation-portion = 0.01, channels = 4, stacks = 1";

  @TempDir static Path bench;
  @TempDir Path dir;

  @BeforeAll
  static void buildBenchmark() throws Exception {
    Distribution.write(
        bench.resolve("build.conf"),
        "benchmark { max-vertices = 3, repeats = 2, output = out, recipe { " + RECIPE + " } }\n");
    Process build = Distribution.start(bench, "benchmark", "build", "build.conf");
    assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(Files.readString(bench.resolve("stderr.txt"))).isZero();
  }

  private String experiment(String policies, int epochs) {
    return "experiment { name = ws-e2e, seeds = 2, space = nasbench101, ground-truth = nasbench101,\n"
        + "  policies = [" + policies + "]\n"
        + "  weight-sharing {\n"
        + "    training { train-images = 640, epochs = " + epochs + ", batch-size = 32, lr = 0.05,"
        + " channels = 4, stacks = 1, device = cpu, threads = 1 }\n"
        + "    evaluation { epochs = [1, 2], validation-images = 300, recalibration-batches = 2 }\n"
        + "  }\n"
        + "}\n"
        + "space.nasbench101.max-vertices = 3\n"
        + "ground-truth.nasbench101 { data = \"" + bench.resolve("out/table.jsonl") + "\","
        + " report-metric = test_accuracy }\n"
        + "metrics.enabled = false\n"
        // cells that train run in worker processes, two at a time
        + "execution.parallel = 2\n";
  }

  @Test
  void threePoliciesRankTheSpaceWithTheirSupernets() throws Exception {
    Distribution.write(dir.resolve("ws.conf"), experiment("spos, fairnas, ws-random", 2));
    Process run = Distribution.start(dir, "run", "ws.conf", "--output", "out", "--no-progress");
    assertThat(run.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("8 cells run, 0 resumed, 0 failed");

    for (String policy : new String[] {"spos", "fairnas", "ws-random"}) {
      JsonNode ws = JSON.readTree(dir.resolve("out/" + policy + "/seed-1/result.json").toFile()).get("weight_sharing");
      assertThat(ws.get("sample_size").asInt()).isEqualTo(7);
      assertThat(ws.get("rankings")).hasSize(2);
      for (JsonNode r : ws.get("rankings")) {
        assertThat(r.get("n").asInt()).isEqualTo(7);
        assertThat(r.get("kendall_tau").asDouble()).isBetween(-1.0, 1.0);
        assertThat(r.get("true_rank_of_top").asInt()).isBetween(1, 7);
      }
      assertThat(ws.get("noise_ceiling").asDouble()).isBetween(-1.0, 1.0);
      assertThat(ws.get("final_scores")).hasSize(7);
      // the event log has the same rankings, one line per evaluation epoch
      assertThat(Files.readAllLines(dir.resolve("out/" + policy + "/seed-1/events.jsonl"))).hasSize(2);
      // nothing of the checkpoint is left once the cell is done
      assertThat(dir.resolve("out/" + policy + "/seed-1/supernet-checkpoint.bin")).doesNotExist();
    }
    String report = Files.readString(dir.resolve("out/report.md"));
    assertThat(report).contains("## Supernet rankings", "| spos | 2 | 2 |", "| fairnas | 1 | 2 |", "Noise ceiling");
    JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile()).get("weight_sharing");
    assertThat(summary.get("epochs")).hasSize(6);
    assertThat(summary.get("stability")).hasSize(3);
    assertThat(dir.resolve("out/report-kendall-tau.png")).exists();
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("Kendall");
  }

  @Test
  void aKilledCellResumesToTheUninterruptedResult() throws Exception {
    String config = experiment("spos", 3).replace("seeds = 2", "seeds = 1");
    Path whole = Files.createDirectories(dir.resolve("whole"));
    Distribution.write(whole.resolve("ws.conf"), config);
    Process run = Distribution.start(whole, "run", "ws.conf", "--output", "out", "--no-progress");
    assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(whole.resolve("stderr.txt"))).isZero();

    Path killed = Files.createDirectories(dir.resolve("killed"));
    Distribution.write(killed.resolve("ws.conf"), config);
    Process first = Distribution.start(killed, "run", "ws.conf", "--output", "out", "--no-progress");
    Path state = killed.resolve("out/spos/seed-0/supernet-state.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!(Files.isRegularFile(state) && JSON.readTree(state.toFile()).get("epoch").asInt() >= 1)) {
      assertThat(System.nanoTime()).as("the first epoch's checkpoint").isLessThan(deadline);
      assertThat(first.isAlive()).as("the run is still going").isTrue();
      Thread.sleep(50);
    }
    first.destroyForcibly(); // SIGKILL: no chance to save anything more
    first.waitFor(30, TimeUnit.SECONDS);
    // its worker sees its standard input end and stops too: no orphan trains on
    long orphanDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (workersOf(killed) > 0) {
      assertThat(System.nanoTime()).as("the orphaned worker stops").isLessThan(orphanDeadline);
      Thread.sleep(100);
    }
    int epochAtKill = JSON.readTree(state.toFile()).get("epoch").asInt();
    assertThat(epochAtKill).isBetween(1, 2);
    assertThat(killed.resolve("out/spos/seed-0/result.json")).doesNotExist();

    Process resumed = Distribution.start(killed, "run", "ws.conf", "--output", "out", "--no-progress");
    assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(Files.readString(killed.resolve("stderr.txt"))).isZero();
    assertThat(withoutTiming(killed.resolve("out/spos/seed-0/result.json")))
        .isEqualTo(withoutTiming(whole.resolve("out/spos/seed-0/result.json")));
  }

  /**
   * {@code execution.cpu-isa}: the worker that trains a cell starts oneDNN capped at that ISA,
   * also when cells run one at a time (this process has no cap, so a worker must start the
   * cell), as oneDNN's own report says (its verbose mode, passed through to the run's standard
   * error); and the cell gives the same result either way.
   */
  @Test
  void theCpuIsaReachesTheTrainingCellsAlsoOneAtATime() throws Exception {
    assumeTrue(Files.readString(Path.of("/proc/cpuinfo")).contains(" avx2"), "a CPU with AVX2");
    String config = experiment("spos", 2).replace("seeds = 2", "seeds = 1").replace("channels = 4", "channels = 8");
    Map<String, JsonNode> results = new java.util.LinkedHashMap<>();
    for (String[] run : new String[][] {
        {"two-at-a-time", "execution.cpu-isa = AVX2"},
        {"one-at-a-time", "execution.cpu-isa = avx2\nexecution.parallel = 1"}}) {
      Path d = Files.createDirectories(dir.resolve(run[0]));
      Distribution.write(d.resolve("ws.conf"), config + run[1] + "\n");
      Process p =
          Distribution.start(d, Map.of("ONEDNN_VERBOSE", "check"), "run", "ws.conf", "--output", "out", "--no-progress");
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      String stderr = Files.readString(d.resolve("stderr.txt"));
      assertThat(p.exitValue()).as(stderr).isZero();
      assertThat(stderr).as(run[0]).contains("onednn_verbose,info,cpu,isa:Intel AVX2\n").doesNotContain("AVX-512");
      results.put(run[0], withoutTiming(d.resolve("out/spos/seed-0/result.json")));
    }
    assertThat(results.get("one-at-a-time")).isEqualTo(results.get("two-at-a-time"));
  }

  /** Live worker processes writing into {@code dir}. */
  private static long workersOf(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains("--worker")
            && String.join(" ", a).contains(dir.toString())).orElse(false))
        .count();
  }

  private static JsonNode withoutTiming(Path result) throws Exception {
    ObjectNode o = (ObjectNode) JSON.readTree(result.toFile());
    o.remove("timing");
    return o;
  }
}
