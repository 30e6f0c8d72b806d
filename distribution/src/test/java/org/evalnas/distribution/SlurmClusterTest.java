package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLURM backend on a real one-node cluster on localhost ({@code slurm/local-cluster.sh},
 * started here unless it runs already): the tasks run the distribution's launcher and jars.
 * Skipped only where SLURM is not installed.
 */
@Tag("slow")
class SlurmClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void cluster() throws Exception {
    assumeTrue(onPath("sbatch"), "SLURM is not installed (apt-get install -y slurm-wlm munge)");
    Path script = Distribution.HOME.resolve("slurm/local-cluster.sh");
    Process p = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
  }

  private static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
  }

  private Path config(String name, String experiment, String extra) throws IOException {
    return Distribution.nb201Experiment(
        dir.resolve(name + ".conf"),
        name,
        experiment,
        "execution.backend = slurm\n"
            + "execution.slurm { mem = \"512M\", time = \"00:05:00\" }\n"
            + extra);
  }

  /** Runs the distribution's launcher, as a user on a login node would. */
  private static String command(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** Waits until no job of the experiment is queued. */
  private static void awaitJobs(Path out, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      Distribution.Result status = Distribution.launch("status", out.toString());
      if (!status.out().matches("(?s).*(PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|RESIZING|SUSPENDED).*")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("jobs still queued after " + seconds + " s:\n" + Distribution.launch("status", out.toString()).out());
  }

  private static ObjectNode withoutTiming(Path file) throws IOException {
    ObjectNode o = (ObjectNode) JSON.readTree(file.toFile());
    o.remove("timing");
    return o;
  }

  private static List<Path> results(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.getFileName().toString().equals("result.json")).map(out::relativize).sorted().toList();
    }
  }

  @Test
  void anExperimentOnTheClusterEqualsTheSameRunLocally() throws Exception {
    Path conf = config("cluster", "seeds = 3, policies = [random-search, regularized-evolution], budget.queries = 50", "");
    Path out = dir.resolve("slurm-out");
    Distribution.Result submit = Distribution.launch("run", conf.toString(), "--output", out.toString());
    assertThat(submit.code()).as(submit.out()).isZero();
    assertThat(submit.out()).contains("9 cells submitted");
    awaitJobs(out, 90);
    Distribution.Result status = Distribution.launch("status", out.toString());
    assertThat(status.out()).as(status.out()).contains("9 finished").contains("aggregation job");
    // the aggregation job records the end of a run no single process saw end
    assertThat(Files.readString(out.resolve("provenance.json"))).doesNotContain("\"finished\" : null").contains("\"finished\" : \"");

    Path local = dir.resolve("local-out");
    Distribution.Result r =
        Distribution.cli("run", conf.toString(), "--output", local.toString(), "--no-progress", "--set", "execution.backend=local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(results(out)).hasSize(9).isEqualTo(results(local));
    for (Path cell : results(local)) {
      assertThat(withoutTiming(out.resolve(cell))).as(cell.toString()).isEqualTo(withoutTiming(local.resolve(cell)));
    }
    assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(local.resolve("summary.csv")));

    Distribution.Result again = Distribution.launch("run", conf.toString(), "--output", out.toString());
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(again.out()).contains("nothing to submit: 9 cells finished");
  }

  @Test
  void aRequeuedTaskResumesFromItsCheckpoint() throws Exception {
    // a long search (~5 s) that checkpoints every million queries
    String experiment = "seeds = 1, policies = [regularized-evolution], budget.queries = 3000000";
    String extra = "output.trajectory = false\nexecution.slurm.checkpoint-queries = 1000000\n";
    Path conf = config("requeue", experiment, extra);
    Path out = dir.resolve("slurm-out");
    Distribution.Result submit = Distribution.launch("run", conf.toString(), "--output", out.toString());
    assertThat(submit.code()).as(submit.out()).isZero();
    JsonNode jobs = JSON.readTree(out.resolve("slurm/jobs.json").toFile());
    String array = jobs.get("submissions").get(0).get("arrays").get(0).get("job_id").asText();
    List<String> cells = Files.readAllLines(out.resolve(jobs.get("submissions").get(0).get("arrays").get(0).get("cells").asText()));
    String task = array + "_" + cells.indexOf("regularized-evolution 0");
    Path cellDir = out.resolve("regularized-evolution/seed-0");

    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(cellDir.resolve("checkpoint.bin")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cellDir.resolve("checkpoint.bin")).as("a first checkpoint").exists();
    assertThat(cellDir.resolve("result.json")).as("requeued before it finished").doesNotExist();
    assertThat(command("scontrol", "requeue", task)).isBlank();
    // SLURM holds a requeued job back for a while (BeginTime); let it start at once
    long started = System.currentTimeMillis();
    while (System.currentTimeMillis() - started < 30_000
        && !command("squeue", "-h", "-j", task, "-o", "%T").contains("RUNNING")
        && !Files.exists(cellDir.resolve("result.json"))) {
      command("scontrol", "update", "JobId=" + task, "StartTime=now");
      Thread.sleep(500);
    }
    awaitJobs(out, 90);

    String log = Files.readString(out.resolve("slurm/logs/" + task + ".out"));
    assertThat(log).as(log).contains("restart 1").contains("resuming from its checkpoint").contains("finished, 3000000 queries");
    assertThat(cellDir.resolve("checkpoint.bin")).doesNotExist();

    Path local = dir.resolve("local-out");
    Distribution.Result r =
        Distribution.cli("run", conf.toString(), "--output", local.toString(), "--no-progress", "--set", "execution.backend=local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(withoutTiming(cellDir.resolve("result.json")))
        .isEqualTo(withoutTiming(local.resolve("regularized-evolution/seed-0/result.json")));
    assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(local.resolve("summary.csv")));
  }
}
