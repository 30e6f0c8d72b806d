package org.evalnas.space.nasbench201;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.evalnas.api.space.InvalidArchitectureException;

/**
 * One NAS-Bench-201 cell: an operation on each of the 6 edges {@code 1<-0, 2<-0, 2<-1, 3<-0,
 * 3<-1, 3<-2}, in that (the official string's) order. Immutable.
 *
 * <p>Every one of the 5^6 = 15,625 assignments is a cell of the benchmark, including those
 * whose output is cut off from the input; the benchmark trained them all.
 */
public final class Nb201Cell {

  /** The number of edges. */
  public static final int EDGES = 6;

  /** The number of cells, 5^6. */
  public static final int COUNT = 15_625;

  private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};
  private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};

  private final Nb201Operation[] ops;

  private Nb201Cell(Nb201Operation[] ops) {
    this.ops = ops;
  }

  /** The name of an edge, e.g. {@code edge-2<-1}; also the name of its decision. */
  public static String edgeName(int edge) {
    return "edge-" + EDGE_TO[edge] + "<-" + EDGE_FROM[edge];
  }

  /**
   * The cell with these operation ordinals, one per edge.
   *
   * @throws InvalidArchitectureException when there are not 6 choices or one is out of range
   */
  public static Nb201Cell ofChoices(int[] choices) {
    if (choices.length != EDGES) {
      throw new InvalidArchitectureException(
          "a NAS-Bench-201 cell has " + EDGES + " edge choices, got " + choices.length);
    }
    Nb201Operation[] ops = new Nb201Operation[EDGES];
    for (int e = 0; e < EDGES; e++) {
      if (choices[e] < 0 || choices[e] >= Nb201Operation.count()) {
        throw new InvalidArchitectureException(
            "choice " + choices[e] + " for " + edgeName(e) + " is out of range [0, "
                + Nb201Operation.count() + ")");
      }
      ops[e] = Nb201Operation.ofOrdinal(choices[e]);
    }
    return new Nb201Cell(ops);
  }

  /**
   * The cell at a position of the benchmark's generation order (before its shuffle): the
   * operations as base-5 digits, edge {@code 1<-0} most significant, as
   * {@code Structure.gen_all} nests its loops.
   */
  public static Nb201Cell ofGenerationCode(int code) {
    if (code < 0 || code >= COUNT) {
      throw new IllegalArgumentException("generation code " + code + " is out of range");
    }
    Nb201Operation[] ops = new Nb201Operation[EDGES];
    int rest = code;
    for (int e = EDGES - 1; e >= 0; e--) {
      ops[e] = Nb201Operation.ofOrdinal(rest % Nb201Operation.count());
      rest /= Nb201Operation.count();
    }
    return new Nb201Cell(ops);
  }

  /** The inverse of {@link #ofGenerationCode(int)}. */
  public int generationCode() {
    int code = 0;
    for (Nb201Operation op : ops) {
      code = code * Nb201Operation.count() + op.ordinal();
    }
    return code;
  }

  /**
   * Parses an official architecture string such as
   * {@code |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|}:
   * three nodes separated by {@code +}, node {@code i} listing its inputs {@code 0..i-1} in
   * order as {@code |op~input|}. The benchmark writes every cell this way, so other orders are
   * rejected rather than silently normalised.
   *
   * @throws InvalidArchitectureException saying what is wrong and at which character
   */
  public static Nb201Cell parse(String text) {
    return new Parser(text).parse();
  }

  /** The operation on an edge (0..5). */
  public Nb201Operation operation(int edge) {
    return ops[edge];
  }

  /** The operation ordinals, one per edge. */
  public int[] choices() {
    int[] choices = new int[EDGES];
    for (int e = 0; e < EDGES; e++) {
      choices[e] = ops[e].ordinal();
    }
    return choices;
  }

  /** The official architecture string. */
  public String officialString() {
    StringBuilder sb = new StringBuilder(100);
    for (int e = 0; e < EDGES; e++) {
      if (e > 0 && EDGE_FROM[e] == 0) {
        sb.append('+');
      }
      if (EDGE_FROM[e] == 0) {
        sb.append('|');
      }
      sb.append(ops[e].officialName()).append('~').append(EDGE_FROM[e]).append('|');
    }
    return sb.toString();
  }

  /**
   * The official isomorphism-aware unique string, {@code Structure.to_unique_str(
   * consider_zero=True)}: each node is written as the sorted {@code +}-join of its incoming
   * terms; a {@code none} edge, or an edge from a node written exactly {@code #}, is the zero
   * term {@code #}; a skip connection is its source node's string; any other operation is
   * {@code (source)@op}. The string of node 3 is the result.
   *
   * <p>This keeps the official quirks on purpose (a node whose terms are all zero is written
   * {@code #+#}, not {@code #}, and so is not treated as zero further on): those rules are
   * what define the benchmark's 6,466 unique cells.
   */
  public String uniqueString() {
    String[] nodes = new String[4];
    nodes[0] = "0";
    int e = 0;
    for (int node = 1; node <= 3; node++) {
      List<String> terms = new ArrayList<>(node);
      for (int from = 0; from < node; from++, e++) {
        Nb201Operation op = ops[e];
        String source = nodes[from];
        if (op == Nb201Operation.NONE || source.equals("#")) {
          terms.add("#");
        } else if (op == Nb201Operation.SKIP_CONNECT) {
          terms.add(source);
        } else {
          terms.add("(" + source + ")@" + op.officialName());
        }
      }
      // Python's sorted() on str compares code points; for these ASCII strings that is
      // exactly String's natural order
      Collections.sort(terms);
      nodes[node] = String.join("+", terms);
    }
    return nodes[3];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nb201Cell other && Arrays.equals(ops, other.ops);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ops);
  }

  @Override
  public String toString() {
    return officialString();
  }

  /** A strict left-to-right parser that knows where it is, for precise messages. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      if (text == null) {
        throw new InvalidArchitectureException("the architecture string is null");
      }
      this.text = text;
    }

    Nb201Cell parse() {
      Nb201Operation[] ops = new Nb201Operation[EDGES];
      int edge = 0;
      for (int node = 1; node <= 3; node++) {
        if (node > 1) {
          expect('+', "'+' between node " + (node - 1) + " and node " + node);
        }
        expect('|', "'|' opening node " + node);
        for (int input = 0; input < node; input++) {
          ops[edge++] = operation(node, input);
        }
      }
      if (pos != text.length()) {
        fail("expected the end after node 3 (which has 3 inputs), found '"
            + excerpt(pos) + "'");
      }
      return new Nb201Cell(ops);
    }

    /** Reads {@code op~input|}. */
    private Nb201Operation operation(int node, int input) {
      int start = pos;
      int tilde = text.indexOf('~', pos);
      int bar = text.indexOf('|', pos);
      if (tilde < 0 || (bar >= 0 && bar < tilde)) {
        fail("expected 'operation~" + input + "' for input " + input + " of node " + node
            + ", found '" + excerpt(start) + "'");
      }
      String name = text.substring(start, tilde);
      Nb201Operation op =
          Nb201Operation.ofName(name)
              .orElseThrow(
                  () ->
                      failure(start, "unknown operation '" + name + "' on input " + input
                          + " of node " + node + " (expected one of "
                          + String.join(", ", Nb201Operation.officialNames()) + ")"));
      pos = tilde + 1;
      int end = bar < 0 ? text.length() : bar;
      String from = text.substring(pos, end);
      if (!from.equals(Integer.toString(input))) {
        fail("node " + node + " must list its inputs 0.." + (node - 1)
            + " in order: expected input " + input + " after '" + name + "~', found '"
            + from + "'");
      }
      pos = end;
      expect('|', "'|' closing input " + input + " of node " + node);
      return op;
    }

    private void expect(char c, String what) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        fail("expected " + what + ", found "
            + (pos >= text.length() ? "the end" : "'" + excerpt(pos) + "'"));
      }
      pos++;
    }

    private String excerpt(int from) {
      String rest = text.substring(Math.min(from, text.length()));
      return rest.length() > 20 ? rest.substring(0, 20) + "..." : rest;
    }

    private void fail(String what) {
      throw failure(pos, what);
    }

    private InvalidArchitectureException failure(int at, String what) {
      return new InvalidArchitectureException(
          "invalid NAS-Bench-201 architecture string at character " + at + ": " + what
              + " (in \"" + text + "\")");
    }
  }
}
