package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit code 2, one clear line naming the file and the place, nothing lost. */
class BadInputTest {
  @TempDir Path dir;

  private Path config(String data) throws IOException {
    return Distribution.write(
        dir.resolve("exp.conf"),
        "experiment { name = bad, space = nasbench201, ground-truth = nasbench201, seeds = 2\n"
            + "  policies = [random-search], budget.queries = 10 }\n"
            + (data == null ? "" : "ground-truth.nasbench201.data = \"" + data + "\"\n"));
  }

  private Distribution.Result run(Path conf, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", conf.toString(), "--output", dir.resolve("out").toString(), "--no-progress"));
    args.addAll(List.of(extra));
    return Distribution.cli(args.toArray(String[]::new));
  }

  @Test
  void missingDataSaysWhatToDownloadAndWhere() throws IOException {
    Distribution.Result r = run(config(null), "--set", "ground-truth.nasbench201.data=null");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("EVALNAS_NB201").contains("NATS-tss-v1_0-3ffb9-simple").doesNotContain("\tat ");
  }

  @Test
  void aDataFileThatIsNotThereIsNamed() throws IOException {
    Distribution.Result r = run(config(dir.resolve("nope.csv").toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(dir.resolve("nope.csv").toString());
  }

  @Test
  void aTruncatedCsvNamesItsLastLine() throws IOException {
    List<String> lines = Files.readAllLines(Distribution.shared("nb201/nb201-12epoch.csv"));
    String text = String.join("\n", lines.subList(0, 5000)) + "\n" + lines.get(5000).substring(0, 30);
    Path csv = Distribution.write(dir.resolve("cut.csv"), text);
    Distribution.Result r = run(config(csv.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + csv).contains("line 5001");
  }

  @Test
  void aWrongHeaderIsLineOne() throws IOException {
    List<String> lines = Files.readAllLines(Distribution.shared("nb201/nb201-12epoch.csv"));
    lines.set(0, lines.get(0).replace("arch", "architecture"));
    Path csv = dir.resolve("header.csv");
    Files.write(csv, lines);
    Distribution.Result r = run(config(csv.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + csv).contains("line 1");
  }

  @Test
  void aBadPickleNamesTheFile() throws IOException {
    Path nats = dir.resolve("nats");
    Files.createDirectories(nats);
    try (var files = Files.list(Distribution.shared("nats-tss-sample"))) {
      for (Path f : files.toList()) {
        Files.copy(f, nats.resolve(f.getFileName()));
      }
    }
    byte[] meta = Files.readAllBytes(nats.resolve("meta.pickle.pbz2"));
    Files.write(nats.resolve("meta.pickle.pbz2"), java.util.Arrays.copyOf(meta, meta.length / 2));
    Distribution.Result r = run(config(nats.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(nats.resolve("meta.pickle.pbz2").toString());
  }

  @Test
  void badInputLeavesEarlierResultsAlone() throws IOException {
    Path conf = config(Distribution.shared("nb201/nb201-12epoch.csv").toString());
    assertThat(run(conf).code()).isZero();
    byte[] csv = Files.readAllBytes(dir.resolve("out/summary.csv"));
    Distribution.Result r = run(conf, "--set", "experiment.budget.queries=lots");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readAllBytes(dir.resolve("out/summary.csv"))).isEqualTo(csv);
    assertThat(dir.resolve("out/random-search/seed-1/result.json")).exists();
  }

  @Test
  void theShippedConfigValidates() {
    Path conf = Path.of(System.getProperty("user.dir")).resolve("../configs/nb201-tabular.conf").normalize();
    Distribution.Result r = Distribution.cli("validate", conf.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }
}
