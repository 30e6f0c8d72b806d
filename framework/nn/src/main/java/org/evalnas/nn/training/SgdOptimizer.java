package org.evalnas.nn.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
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
 * <p>Updates are in place; every temporary array is closed before a step returns. For PyTorch's
 * CPU arrays Java does the element-wise update in the tensors' memory ({@link HostMemoryUpdate}),
 * with the engine's arithmetic bit for bit; elsewhere, and for a parameter without a gradient
 * yet, the engine does it.
 */
public final class SgdOptimizer {
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, NDArray> buffers = new LinkedHashMap<>();
  private final Map<String, HostViews> hostViews = new HashMap<>();
  private final HostMemoryUpdate hostMemoryUpdate = new HostMemoryUpdate();
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
      if (hostUpdates && hostUpdate(name, w, buffer, scale, lr)) {
        lastHostUpdates++;
        continue;
      }
      try (NDArray g = w.getGradient()) {
        engineUpdate(w, g, buffer, scale, lr);
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
   * float arrays it can write in place; false when the engine must do it, and for a parameter
   * that has no gradient yet (not on any path trained so far).
   *
   * <p>The arrays are probed at a parameter's first step with a gradient, and the views are kept
   * with the gradient tensor itself: autograd accumulates into a parameter's existing gradient in
   * place (a first-order backward pass with a dense gradient), so its memory is the same at every
   * later step. That saves a parameter about eight native calls a step, with a new array for the
   * gradient each time.
   */
  private boolean hostUpdate(String name, NDArray w, NDArray buffer, float scale, float lr) {
    HostViews views = hostViews.get(name);
    if (views == null || views.weights() != w) {
      NDArray gradient = ownGradient(w);
      if (gradient == null) {
        return false;
      }
      if (views != null) {
        views.close();
      }
      views = HostViews.probe(w, gradient, buffer);
      hostViews.put(name, views);
    }
    if (views.w() == null) {
      return false;
    }
    hostMemoryUpdate.sgd(
        views.w(), views.g(), views.buffer(), scale, weightDecay, momentum, nesterov, lr);
    return true;
  }

  /**
   * The parameter's own gradient tensor (a new handle to it), or null when it has none yet or
   * the engine is not PyTorch. {@link NDArray#getGradient()} cannot tell: it gives a new array of
   * zeros for a parameter without a gradient.
   */
  private static NDArray ownGradient(NDArray parameter) {
    if (!(parameter instanceof PtNDArray pt)) {
      return null;
    }
    NDArray gradient = JniUtils.getGradient(pt);
    if (gradient != null) {
      // kept across steps: the training step's scope must not close it
      NDScope.unregister(gradient);
    }
    return gradient;
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
   * A parameter's weights, momentum buffer (null without momentum) and gradient as host memory,
   * with the handle that keeps the gradient's memory alive; {@code w} is null when any of them
   * failed the probe, and then the engine updates that parameter.
   */
  private record HostViews(
      NDArray weights, FloatBuffer w, FloatBuffer buffer, NDArray gradient, FloatBuffer g) {
    static HostViews probe(NDArray weights, NDArray gradient, NDArray momentumBuffer) {
      FloatBuffer w = HostMemoryUpdate.view(weights);
      FloatBuffer g = HostMemoryUpdate.view(gradient);
      FloatBuffer b = momentumBuffer == null ? null : HostMemoryUpdate.view(momentumBuffer);
      boolean usable =
          w != null
              && g != null
              && g.capacity() == w.capacity()
              && (momentumBuffer == null || (b != null && b.capacity() == w.capacity()));
      if (!usable) {
        gradient.close();
        return new HostViews(weights, null, null, null, null);
      }
      return new HostViews(weights, w, b, gradient, g);
    }

    void close() {
      if (gradient != null) {
        gradient.close();
      }
    }
  }
}
