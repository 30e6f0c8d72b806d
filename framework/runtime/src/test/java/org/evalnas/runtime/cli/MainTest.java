package org.evalnas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes and one clear message per problem. */
class MainTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path config(String text) throws IOException {
    Path f = dir.resolve("exp.conf");
    Files.writeString(f, text);
    return f;
  }

  private static final String GOOD =
      "experiment { name = toy, space = fake, ground-truth = fake, seeds = 3\n"
          + "  policies = [test-random], baseline.policy = test-random, budget.queries = 5 }\n";

  @Test
  void validateAcceptsAGoodConfig() throws IOException {
    Run r = cli("validate", config(GOOD).toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("ok (3 seeds x 1 policies + baseline, space fake)");
  }

  @Test
  void validateListsEveryProblemWithoutAStackTrace() throws IOException {
    Path f = config("experiment {\n  name = toy\n  space = fakes\n  polices = [a]\n  baseline.policy = test-random\n}\n");
    Run r = cli("validate", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .containsExactly(
            "error: " + f + ":3: unknown space 'fakes' in experiment.space (did you mean fake?); available: fake",
            "error: " + f + ":4: unknown key experiment.polices (did you mean experiment.policies?)");
    Run r2 = cli("validate", config("experiment {\n  name = toy\n  space = fakes\n  baseline.policy = test-random\n}\n").toString());
    assertThat(r2.err()).contains(":3: unknown space 'fakes' in experiment.space (did you mean fake?); available: fake");
    assertThat(r2.err()).doesNotContain("at org.");
  }

  @Test
  void malformedHoconIsExitTwoWithTheLine() throws IOException {
    Path f = config("experiment {\n  name = toy\n  space = fake\n");
    Run r = cli("run", f.toString(), "--output", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ":");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Run r = cli("--debug", "run", dir.resolve("missing.conf").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such experiment file").contains("at org.evalnas");
  }

  @Test
  void runWritesTheReportAndAFailedCellIsExitOne() throws IOException {
    Path out = dir.resolve("out");
    Run ok = cli("run", config(GOOD).toString(), "--output", out.toString(), "--no-progress");
    assertThat(ok.code()).as(ok.err()).isEqualTo(0);
    assertThat(ok.out()).contains("6 cells run, 0 resumed, 0 failed");
    assertThat(out.resolve("report.md")).exists();
    // the run summarizes in memory; report rebuilds from the files alone: the same bytes
    byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
    byte[] json = Files.readAllBytes(out.resolve("summary.json"));
    byte[] md = Files.readAllBytes(out.resolve("report.md"));
    Files.delete(out.resolve("summary.csv"));
    assertThat(cli("report", out.toString()).code()).isZero();
    assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(csv);
    assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(json);
    assertThat(Files.readAllBytes(out.resolve("report.md"))).isEqualTo(md);

    Run again = cli("run", config(GOOD).toString(), "--output", out.toString(), "--no-progress", "--set", "experiment.seeds=4",
        "--set", "policy.test-random.fail-at-seed=3");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out()).contains("0 cells run, 6 resumed, 2 failed");
    assertThat(again.err()).contains("failed: test-random seed 3: failing on purpose at seed 3");

    Run report = cli("report", out.toString());
    assertThat(report.code()).isEqualTo(1); // the report lists failed cells
    assertThat(Files.readString(out.resolve("report.md"))).contains("Failed cells");
  }

  @Test
  void pluginsListsTheHostProviders() {
    Run r = cli("plugins", "--plugins", dir.resolve("none").toString());
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("(host classpath)").containsPattern("space\\s+fake").containsPattern("evaluator\\s+ground-truth");
  }

  @Test
  void reportFinishRecordsTheEndOfARunThatRanElsewhere() throws IOException {
    Path out = dir.resolve("out");
    assertThat(cli("run", config(GOOD).toString(), "--output", out.toString(), "--no-progress").code()).isZero();
    // as a SLURM submission leaves it: the cells ran in tasks, no process saw the run end
    Path provenance = out.resolve("provenance.json");
    String submitted = Files.readString(provenance).replaceFirst("\"finished\" : \"[^\"]+\"", "\"finished\" : null");
    Files.writeString(provenance, submitted);

    assertThat(cli("report", out.toString()).code()).isZero();
    assertThat(Files.readString(provenance)).isEqualTo(submitted);

    java.time.Instant before = java.time.Instant.now();
    assertThat(cli("report", "--finish", out.toString()).code()).isZero();
    String finished = new com.fasterxml.jackson.databind.ObjectMapper().readTree(provenance.toFile()).get("finished").asText();
    assertThat(java.time.Instant.parse(finished)).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(Files.readString(provenance)).contains("\"started\"", "\"plugins\"");

    Files.delete(provenance);
    Run none = cli("report", "--finish", out.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains(provenance.toString()).contains("no provenance.json");
  }
}
