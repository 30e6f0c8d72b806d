package org.evalnas.space.nasbench101.network;

import org.evalnas.space.nasbench101.spec.CellSpec;

/** The official {@code compute_vertex_channels} of {@code model_builder.py}. */
public final class VertexChannels {
  private VertexChannels() {}

  /**
   * The channels of every vertex of a (pruned) cell: the output's channels are split among the
   * vertices that feed the output (the first ones get one more when it does not divide), and a
   * vertex that does not feed the output takes the largest channels of its successors. The input
   * keeps {@code inputChannels}; the output has {@code outputChannels}.
   */
  public static int[] compute(int inputChannels, int outputChannels, CellSpec cell) {
    int n = cell.vertices();
    int[] channels = new int[n];
    channels[0] = inputChannels;
    channels[n - 1] = outputChannels;
    if (n == 2) {
      return channels;
    }
    int out = n - 1;
    // in-degree of the output, not counting the input (its projection is added, not concatenated)
    int inDegree = 0;
    for (int v = 1; v < out; v++) {
      if (cell.edge(v, out)) {
        inDegree++;
      }
    }
    int interior = outputChannels / inDegree;
    int correction = outputChannels % inDegree;
    for (int v = 1; v < out; v++) {
      if (cell.edge(v, out)) {
        channels[v] = interior;
        if (correction > 0) {
          channels[v]++;
          correction--;
        }
      }
    }
    for (int v = n - 3; v > 0; v--) {
      if (!cell.edge(v, out)) {
        for (int dst = v + 1; dst < out; dst++) {
          if (cell.edge(v, dst)) {
            channels[v] = Math.max(channels[v], channels[dst]);
          }
        }
      }
      if (channels[v] <= 0) {
        throw new IllegalArgumentException("vertex " + v + " gets no channels: is the cell pruned?");
      }
    }
    return channels;
  }
}
