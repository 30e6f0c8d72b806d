package org.evalnas.space.nasbench101.network;

import java.util.List;
import java.util.stream.IntStream;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.device.EngineSettings;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.training.StepPasses;
import org.evalnas.space.nasbench101.Nb101Space;

/**
 * Single-path training throughput (images/s) of the NAS-Bench-101 weight-sharing supernet of
 * the 4-vertex space with DJL, the counterpart of {@code bench/nb101_torch_supernet.py} (same
 * supernet, paths, batch, optimizer, data and threads). Not a test: the README's "Training"
 * benchmark runs it by hand ({@code bench/side_by_side.sh supernet}).
 *
 * <p>Each step trains one path: step {@code i} (counted from the first warm-up step) trains the
 * cell {@link #pathIndex(long) (i * 37) % 91} of {@code space.enumerate()}, through {@code
 * space.path(architecture)}, the path the weight-sharing policies run. The Python side reads the
 * same 91 cells, in the same order, from {@code evalnas nasbench101 enumerate --max-vertices 4}.
 *
 * <p>Arguments: channels stacks cells-per-stack batch steps threads.
 */
public final class SupernetThroughputBench {
  private SupernetThroughputBench() {}

  /** The space's most vertices. */
  static final int VERTICES = 4;

  /** The fixed path sequence both sides share: step i trains cell (i * 37) % cells. */
  static int pathIndex(long step, int cells) {
    return (int) (step * 37 % cells);
  }

  public static void main(String[] args) {
    int channels = Integer.parseInt(args[0]);
    int stacks = Integer.parseInt(args[1]);
    int cellsPerStack = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    EngineSettings.applyDefaults(threads);

    Nb101Space space = Nb101Space.withEdges(VERTICES);
    List<Architecture> cells = space.enumerate().toList();
    if (cells.size() != 91) {
      throw new IllegalStateException(
          "expected 91 cells with at most 4 vertices, got " + cells.size());
    }
    // the enumerated cells are canonical and pruned: the path of each is its own matrix
    int samePaths = 0;
    for (Architecture a : cells) {
      if (space.path(a).equals(space.cell(a))) {
        samePaths++;
      }
    }
    System.err.printf(
        "djl cells=%d first hashes=%s%n", cells.size(),
        cells.subList(0, 5).stream().map(Architecture::id).toList());
    System.err.printf(
        "djl path == enumerated matrix and ops for %d of %d cells; sequence starts %s%n",
        samePaths, cells.size(),
        IntStream.range(0, 8).map(i -> pathIndex(i, cells.size())).boxed().toList());

    Supernet supernet = space.supernet(new NetworkShape(1, 10, channels, stacks, cellsPerStack));
    StepPasses onePath =
        new StepPasses() {
          private long step;

          @Override
          public int begin(long step) {
            this.step = step;
            return 1;
          }

          @Override
          public void beforePass(int pass) {
            supernet.activate(cells.get(pathIndex(step, cells.size())));
          }
        };
    TrainingThroughputBench.measure("djl supernet", supernet.block(), onePath, batch, steps, threads);
  }
}
