#!/usr/bin/python3
"""The Python reference for `evalnas nasbench101 enumerate`: the official NAS-Bench-101
generator's algorithm (nasbench/scripts/generate_graphs.py with nasbench/lib/graph_util.py:
every upper-triangular adjacency matrix of 2..V vertices, at most 9 edges, no dangling vertex,
every labelling of the interior vertices with the 3 operations, deduplicated by the iterated-MD5
isomorphism hash), written out from its description with the standard library and NumPy only.

    /usr/bin/python3 bench/nb101_generate_graphs.py MAX_VERTICES

prints the unique cells per vertex count, the total and the seconds.
"""
import hashlib
import itertools
import sys
import time

import numpy as np

MAX_EDGES = 9
NUM_OPS = 3  # conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3


def is_edge_fn(bits):
    # bit k of `bits` is the k-th upper-triangular position in column-major order
    def is_edge(x, y):
        return (x < y) & (((bits >> (x + (y * (y - 1) // 2))) % 2) == 1)
    return is_edge


def is_full_dag(matrix):
    # every vertex but the output has a successor, every vertex but the input a predecessor
    n = matrix.shape[0]
    rows = matrix.any(axis=1)
    cols = matrix.any(axis=0)
    return bool(rows[:n - 1].all() and cols[1:].all())


def hash_module(matrix, labeling):
    n = matrix.shape[0]
    in_edges = np.sum(matrix, axis=0).tolist()
    out_edges = np.sum(matrix, axis=1).tolist()
    hashes = [hashlib.md5(str(h).encode("utf-8")).hexdigest()
              for h in zip(out_edges, in_edges, labeling)]
    for _ in range(n):
        new = []
        for v in range(n):
            ins = sorted(hashes[w] for w in range(n) if matrix[w, v])
            outs = sorted(hashes[w] for w in range(n) if matrix[v, w])
            new.append(hashlib.md5(("".join(ins) + "|" + "".join(outs) + "|" + hashes[v]).encode("utf-8")).hexdigest())
        hashes = new
    return hashlib.md5(str(sorted(hashes)).encode("utf-8")).hexdigest()


def main():
    max_vertices = int(sys.argv[1])
    start = time.perf_counter()
    seen = set()
    for vertices in range(2, max_vertices + 1):
        before = len(seen)
        for bits in range(2 ** (vertices * (vertices - 1) // 2)):
            matrix = np.fromfunction(is_edge_fn(bits), (vertices, vertices), dtype=np.int64).astype(np.int8)
            if matrix.sum() > MAX_EDGES or not is_full_dag(matrix):
                continue
            for ops in itertools.product(range(NUM_OPS), repeat=vertices - 2):
                seen.add(hash_module(matrix, [-1] + list(ops) + [-2]))
        print(f"vertices={vertices} new={len(seen) - before} total={len(seen)}", flush=True)
    print(f"max_vertices={max_vertices} unique={len(seen)} seconds={time.perf_counter() - start:.1f}")


if __name__ == "__main__":
    main()
