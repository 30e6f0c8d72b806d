package org.evalnas.nn.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum or Nesterov momentum, weight decay and gradient clipping by global norm, as
 * PyTorch's {@code torch.optim.SGD} (dampening 0) and {@code clip_grad_norm_}. Its state, one
 * momentum buffer per trainable parameter, is public for checkpoints.
 *
 * <p>Updates are in place; every temporary array is closed before a step returns. On the CPU
 * Java does the element-wise update in the tensors' memory ({@link HostMemoryUpdate}), with the
 * engine's arithmetic bit for bit; elsewhere the engine does it.
 */
public final class SgdOptimizer {
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, NDArray> buffers = new LinkedHashMap<>();
  private final Map<String, HostViews> hostViews = new HashMap<>();
  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;
  private boolean hostUpdates = true;
  private int lastHostUpdates;

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

  /**
   * The global L2 norm of all gradients: each gradient's sum of squares by the engine, added up
   * in double in parameter order. The per-parameter sums come to Java in one array (one copy
   * instead of one per parameter, the same floats).
   */
  public double gradientNorm() {
    if (parameters.isEmpty()) {
      return 0;
    }
    try (NDManager scope = parameters.values().iterator().next().getArray().getManager().newSubManager()) {
      NDList sums = new NDList(parameters.size());
      for (Parameter p : parameters.values()) {
        NDArray g = p.getArray().getGradient();
        g.attach(scope);
        NDArray s = g.square().sum();
        s.attach(scope);
        sums.add(s);
      }
      double sum = 0;
      for (float s : NDArrays.stack(sums).toFloatArray()) {
        sum += s;
      }
      return Math.sqrt(sum);
    }
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
    lastHostUpdates = 0;
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      String name = e.getKey();
      NDArray w = e.getValue().getArray();
      NDArray buffer = buffers.get(name);
      try (NDArray g = w.getGradient()) {
        if (hostUpdates && hostUpdate(name, w, g, buffer, scale, lr)) {
          lastHostUpdates++;
        } else {
          engineUpdate(w, g, buffer, scale, lr);
        }
      }
    }
    return norm;
  }

  /** For tests: every update through the engine, the reference the host update must equal. */
  void engineUpdatesOnly() {
    hostUpdates = false;
  }

  /** For tests: how many parameters the last step updated in host memory. */
  int lastHostUpdates() {
    return lastHostUpdates;
  }

  /**
   * The update by Java in the tensors' memory when weights, gradient and momentum buffer are CPU
   * float arrays it can write in place; false when the engine must do it. The arrays are probed
   * at a parameter's first step only: a parameter's gradient keeps its memory (autograd
   * accumulates into it in place, and a new one would again be laid out like its parameter).
   */
  private boolean hostUpdate(
      String name, NDArray w, NDArray g, NDArray buffer, float scale, float lr) {
    HostViews views = hostViews.get(name);
    if (views == null || views.weights() != w) {
      views = HostViews.probe(w, g, buffer);
      hostViews.put(name, views);
    }
    if (views.w() == null) {
      return false;
    }
    FloatBuffer gradient = g.toByteBuffer(true).asFloatBuffer();
    HostMemoryUpdate.sgd(views.w(), gradient, views.buffer(), scale, weightDecay, momentum, nesterov, lr);
    return true;
  }

  /** The same update through the engine's element-wise calls (GPU arrays, other engines). */
  private void engineUpdate(NDArray w, NDArray g, NDArray buffer, float scale, float lr) {
    if (scale != 1f) {
      g.muli(scale);
    }
    if (weightDecay > 0) {
      try (NDArray decay = w.mul(weightDecay)) {
        g.addi(decay);
      }
    }
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

  /**
   * A parameter's weights and momentum buffer (null without momentum) as host memory; {@code w}
   * is null when any of its arrays, the gradient included, failed the probe.
   */
  private record HostViews(NDArray weights, FloatBuffer w, FloatBuffer buffer) {
    static HostViews probe(NDArray weights, NDArray gradient, NDArray momentumBuffer) {
      FloatBuffer w = HostMemoryUpdate.view(weights);
      FloatBuffer g = HostMemoryUpdate.view(gradient);
      FloatBuffer b = momentumBuffer == null ? null : HostMemoryUpdate.view(momentumBuffer);
      boolean usable =
          w != null
              && g != null
              && g.capacity() == w.capacity()
              && (momentumBuffer == null || (b != null && b.capacity() == w.capacity()));
      return new HostViews(weights, usable ? w : null, b);
    }
  }
}
