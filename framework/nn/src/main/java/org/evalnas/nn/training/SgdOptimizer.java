package org.evalnas.nn.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum or Nesterov momentum, weight decay and gradient clipping by global norm, as
 * PyTorch's {@code torch.optim.SGD} (dampening 0) and {@code clip_grad_norm_}. Its state, one
 * momentum buffer per trainable parameter, is public for checkpoints.
 *
 * <p>Updates are in place; every temporary array is closed before a step returns.
 */
public final class SgdOptimizer {
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, NDArray> buffers = new LinkedHashMap<>();
  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;

  /**
   * @param parameters the network's parameters by name; those that need no gradient (batch-norm
   *     statistics) are left alone
   * @param stateManager owns the momentum buffers (the session's long-lived manager)
   */
  public SgdOptimizer(
      PairList<String, Parameter> parameters,
      NDManager stateManager,
      double momentum,
      boolean nesterov,
      double weightDecay) {
    for (Pair<String, Parameter> p : parameters) {
      if (p.getValue().requiresGradient()) {
        this.parameters.put(p.getKey(), p.getValue());
        if (momentum > 0) {
          NDArray w = p.getValue().getArray();
          NDArray buffer = stateManager.zeros(w.getShape(), w.getDataType(), w.getDevice());
          buffers.put(p.getKey(), buffer);
        }
      }
    }
    this.momentum = (float) momentum;
    this.nesterov = nesterov;
    this.weightDecay = (float) weightDecay;
  }

  /** The momentum buffers by parameter name (empty without momentum). */
  public Map<String, NDArray> buffers() {
    return Collections.unmodifiableMap(buffers);
  }

  /** The global L2 norm of all gradients. */
  public double gradientNorm() {
    double sum = 0;
    for (Parameter p : parameters.values()) {
      try (NDArray g = p.getArray().getGradient();
          NDArray sq = g.square();
          NDArray s = sq.sum()) {
        sum += s.getFloat();
      }
    }
    return Math.sqrt(sum);
  }

  /**
   * One update with the gradients the last backward pass left, then sets them to zero.
   *
   * @param learningRate this step's learning rate
   * @param clipNorm the maximal global gradient norm, 0 for none
   * @return the global gradient norm before clipping (NaN when clipping is off and it was not
   *     computed)
   */
  public double step(double learningRate, double clipNorm) {
    double norm = Double.NaN;
    float scale = 1f;
    if (clipNorm > 0) {
      norm = gradientNorm();
      if (norm > clipNorm) {
        scale = (float) (clipNorm / (norm + 1e-6));
      }
    }
    float lr = (float) learningRate;
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      NDArray w = e.getValue().getArray();
      try (NDArray g = w.getGradient()) {
        if (scale != 1f) {
          g.muli(scale);
        }
        if (weightDecay > 0) {
          try (NDArray decay = w.mul(weightDecay)) {
            g.addi(decay);
          }
        }
        NDArray buffer = buffers.get(e.getKey());
        if (buffer == null) {
          try (NDArray update = g.mul(lr)) {
            w.subi(update);
          }
        } else {
          buffer.muli(momentum).addi(g);
          if (nesterov) {
            try (NDArray direction = buffer.mul(momentum)) {
              direction.addi(g).muli(lr);
              w.subi(direction);
            }
          } else {
            try (NDArray update = buffer.mul(lr)) {
              w.subi(update);
            }
          }
        }
        g.subi(g);
      }
    }
    return norm;
  }
}
