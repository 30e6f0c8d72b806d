package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Objects;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.ActivePath;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Operation;

/**
 * The supernet of the NAS-Bench-201 space: {@link Nb201Network}'s stem, stages, residual
 * reductions and classifier, with every cell a supernet cell whose 6 edges hold all 5
 * operations (the convolutions with their own weights per edge, per cell). All cells run the
 * same path or mixture, as all cells of a standalone network are the same cell. Every batch
 * norm, outside the cells too, follows the supernet's {@link #batchNorm() mode}.
 *
 * <p>A mixture takes one weight vector per edge decision, in the space's order ({@code
 * edge-1<-0 ... edge-3<-2}), each of shape {@code (5)} over the operations' ordinals.
 */
public final class Nb201Supernet implements Supernet {
  private final ActivePath<Nb201Cell> active = new ActivePath<>();
  private final BatchNormMode mode = new BatchNormMode();
  private final Block block;

  /** A new, uninitialized supernet of the given shape. */
  public Nb201Supernet(NetworkShape shape) {
    this.block =
        Nb201Network.build(
            shape, Layers.supernetNorms(mode), channels -> new Nb201SupernetCell(channels, active, mode));
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public void activate(Architecture architecture) {
    active.single(Nb201Cell.ofChoices(architecture.choices()));
  }

  @Override
  public void mix(List<NDArray> weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.size() != Nb201Cell.EDGES) {
      throw new IllegalArgumentException(
          "a NAS-Bench-201 mixture needs one weight vector per edge decision (" + Nb201Cell.EDGES
              + "), got " + weights.size());
    }
    Shape options = new Shape(Nb201Operation.count());
    for (int e = 0; e < weights.size(); e++) {
      NDArray w = weights.get(e);
      if (w == null || !w.getShape().equals(options)) {
        throw new IllegalArgumentException(
            "decision " + Nb201Cell.edgeName(e) + " has " + Nb201Operation.count() + " options "
                + Nb201Operation.officialNames() + ", so its weights must have shape " + options
                + ", got " + (w == null ? "null" : w.getShape()));
      }
    }
    active.mixture(weights);
  }

  @Override
  public BatchNormMode batchNorm() {
    return mode;
  }
}
