package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.ActivePath;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.nn.supernet.SlicedConvBnRelu;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * The supernet of a NAS-Bench-101 space of cells with at most {@code V} vertices: the
 * standalone network's stem, stacks and classifier, with every cell a {@link
 * Nb101SupernetCell} and all cells running the same active path (as in the standalone
 * network, where every cell is the same cell).
 */
public final class Nb101Supernet implements Supernet {
  private final int vertices;
  private final List<Decision> decisions;
  private final java.util.function.Function<Architecture, CellSpec> cells;
  private final ActivePath<PrunedCell> active = new ActivePath<>();
  private final BatchNormMode mode = new BatchNormMode();
  private final Block block;

  /**
   * @param vertices the space's most vertices
   * @param decisions the space's decisions; a mixture needs the edge encoding's
   * @param cells the pruned cell of an architecture of the space
   */
  public Nb101Supernet(
      int vertices,
      List<Decision> decisions,
      java.util.function.Function<Architecture, CellSpec> cells,
      NetworkShape shape) {
    this.vertices = vertices;
    this.decisions = List.copyOf(decisions);
    this.cells = cells;
    this.block =
        Nb101Network.build(
            shape,
            new SlicedConvBnRelu(3, shape.inputChannels(), shape.channels(), Layers.BN_EPSILON, mode),
            (in, out) -> new Nb101SupernetCell(vertices, in, out, active, mode));
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public void activate(Architecture architecture) {
    active.single(PrunedCell.of(cells.apply(architecture)));
  }

  @Override
  public void mix(List<NDArray> weights) {
    int edges = vertices * (vertices - 1) / 2;
    if (weights.size() != decisions.size() || decisions.size() != edges + vertices - 2
        || !decisions.get(0).name().startsWith("edge-")) {
      throw new IllegalArgumentException(
          "a NAS-Bench-101 mixture needs the edges encoding and one weight vector per decision ("
              + decisions.size() + "), got " + weights.size());
    }
    for (int d = 0; d < weights.size(); d++) {
      if (weights.get(d).size() != decisions.get(d).size()) {
        throw new IllegalArgumentException(
            "decision " + decisions.get(d).name() + " has " + decisions.get(d).size()
                + " options, its weights " + weights.get(d).getShape());
      }
    }
    active.mixture(weights);
  }

  @Override
  public BatchNormMode batchNorm() {
    return mode;
  }
}
