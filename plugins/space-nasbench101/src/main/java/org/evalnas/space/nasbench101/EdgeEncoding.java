package org.evalnas.space.nasbench101;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.space.Decision;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * The general encoding: one 0/1 decision per upper-triangular position of a V x V matrix (row
 * by row: {@code edge-1<-0, edge-2<-0, ..., edge-6<-5}; 21 for V = 7), then one operation per
 * interior vertex ({@code op-1 .. op-5}, options in the official order conv3x3-bn-relu,
 * conv1x1-bn-relu, maxpool3x3). Every unique cell with at most V vertices has vectors: a smaller
 * cell is placed on its first vertices and the output, the unused vertices left unconnected
 * (pruning removes them).
 */
final class EdgeEncoding implements CellEncoding {
  static final String NAME = "edges";

  private final int vertices;
  private final List<Decision> decisions;

  EdgeEncoding(int vertices) {
    this.vertices = vertices;
    List<Decision> list = new ArrayList<>();
    for (int from = 0; from < vertices; from++) {
      for (int to = from + 1; to < vertices; to++) {
        list.add(new Decision("edge-" + to + "<-" + from, List.of("0", "1")));
      }
    }
    List<String> ops = CellOp.INTERIOR.stream().map(CellOp::officialName).toList();
    for (int v = 1; v < vertices - 1; v++) {
      list.add(new Decision("op-" + v, ops));
    }
    this.decisions = List.copyOf(list);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Decision> decisions() {
    return decisions;
  }

  @Override
  public CellSpec cell(int[] choices) {
    CellEncoding.checkRanges(decisions, choices);
    int[] rows = new int[vertices];
    int d = 0;
    for (int from = 0; from < vertices; from++) {
      for (int to = from + 1; to < vertices; to++) {
        rows[from] |= choices[d++] << to;
      }
    }
    List<CellOp> ops = new ArrayList<>(vertices);
    ops.add(CellOp.INPUT);
    for (int v = 1; v < vertices - 1; v++) {
      ops.add(CellOp.interior(choices[d++]));
    }
    ops.add(CellOp.OUTPUT);
    return CellSpec.ofRows(rows, ops);
  }

  @Override
  public Optional<int[]> encode(CellSpec pruned) {
    int k = pruned.vertices();
    if (k > vertices) {
      return Optional.empty();
    }
    // vertex u of the cell sits at place(u): its own index, the output at the last index
    int[] place = new int[k];
    for (int u = 0; u < k; u++) {
      place[u] = u == k - 1 ? vertices - 1 : u;
    }
    int[] choices = new int[decisions.size()];
    int d = 0;
    for (int from = 0; from < vertices; from++) {
      for (int to = from + 1; to < vertices; to++) {
        choices[d++] = edgeAt(pruned, place, from, to) ? 1 : 0;
      }
    }
    for (int v = 1; v < vertices - 1; v++) {
      // unused places keep the first operation; they are pruned away
      choices[d++] = v < k - 1
          ? CellOp.byOfficialName(pruned.ops().get(v)).orElseThrow().hashLabel()
          : 0;
    }
    return Optional.of(choices);
  }

  private static boolean edgeAt(CellSpec cell, int[] place, int from, int to) {
    int u = indexOf(place, from);
    int w = indexOf(place, to);
    return u >= 0 && w >= 0 && cell.edge(u, w);
  }

  private static int indexOf(int[] place, int position) {
    for (int u = 0; u < place.length; u++) {
      if (place[u] == position) {
        return u;
      }
    }
    return -1;
  }
}
