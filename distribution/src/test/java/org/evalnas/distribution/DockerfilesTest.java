package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container images, without a Docker engine: every path they copy from the repository
 * exists, the runtime stage copies the distribution this module lays out, and the entrypoint is
 * that distribution's launcher.
 */
class DockerfilesTest {
  private static final Path ROOT = Distribution.HOME.getParent().getParent().getParent();

  @ParameterizedTest
  @ValueSource(strings = {"docker/Dockerfile", "docker/Dockerfile.cuda"})
  void copiesWhatExistsAndRunsTheDistributionsLauncher(String name) throws IOException {
    List<String> lines = joinedLines(ROOT.resolve(name));
    String distribution = null;
    for (String line : lines) {
      String[] w = line.trim().split("\\s+");
      if (!w[0].equals("COPY")) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of(w).subList(1, w.length));
      boolean fromStage = args.removeIf(a -> a.startsWith("--from="));
      args.removeIf(a -> a.startsWith("--"));
      String target = args.get(args.size() - 1);
      for (String source : args.subList(0, args.size() - 1)) {
        if (fromStage) {
          if (source.equals("/src/distribution/target/evalnas")) {
            distribution = target;
          }
        } else {
          assertThat(ROOT.resolve(source)).as("%s copies %s", name, source).exists();
        }
      }
    }
    assertThat(distribution).as("the runtime stage copies the distribution").isNotNull();
    String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
    assertThat(entrypoint).isEqualTo("ENTRYPOINT [\"" + distribution + "/evalnas\"]");
    assertThat(Distribution.HOME.resolve("evalnas")).isExecutable();
    assertThat(Distribution.HOME.resolve("slurm/evalnas-cell.sbatch")).exists();
    assertThat(lines).anyMatch(l -> l.startsWith("USER ") && !l.contains("root"));
    assertThat(lines).anyMatch(l -> l.startsWith("VOLUME") && l.contains("/results") && l.contains("/data"));
  }

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  private static List<String> joinedLines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.trim().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        out.add(current.append(line).toString().trim());
        current.setLength(0);
      }
    }
    return out;
  }
}
