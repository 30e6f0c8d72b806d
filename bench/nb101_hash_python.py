#!/usr/bin/python3
"""The Python reference for the plugin's HashBenchmark: the official NAS-Bench-101 cell rules
timed on the 3,000 cells of shared/data/nb101/spec-vectors.jsonl (1,704 valid), one thread.

Per spec, as the official code does it: `ModelSpec(matrix, ops)` (nasbench/lib/model_spec.py:
the shape and upper-triangularity checks, the deep copies, `_prune`), `NASBench.is_valid`
(nasbench/api.py `_check_spec`: disconnected, vertices, edges, first/last op, op names) and,
for the valid ones, `hash_spec` = `graph_util.hash_module` on the pruned cell. `hash_module` is
imported from nb101_generate_graphs.py (the generator's transcription), not repeated here.
Every verdict, reason and hash is checked against the file before timing.

    /usr/bin/python3 bench/nb101_hash_python.py [SPEC_VECTORS_JSONL] [RUNS]

The file may also be the catalog sample `HashBenchmark` writes (`java -cp CP
org.evalnas.space.nasbench101.jmh.HashBenchmark FILE`: 3,000 enumerated cells, `hash`, `matrix`,
`ops`, all valid), the counterpart of `HashBenchmark.catalogPruneValidateHash`.

Prints, per run, microseconds per spec for prune + validate + hash over all 3,000 specs and for
the hash alone over the 1,704 valid pruned cells (the same two operations as
`HashBenchmark.pruneValidateHash` and `HashBenchmark.hashOnly`).
"""
import copy
import json
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nb101_generate_graphs import hash_module  # noqa: E402

MODULE_VERTICES = 7
MAX_EDGES = 9
AVAILABLE_OPS = ["conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"]


class OutOfDomainError(Exception):
    pass


def is_upper_triangular(matrix):
    for src in range(np.shape(matrix)[0]):
        for dst in range(0, src + 1):
            if matrix[src, dst] != 0:
                return False
    return True


class ModelSpec:
    """nasbench/lib/model_spec.py, without the data_format bookkeeping."""

    def __init__(self, matrix, ops):
        if not isinstance(matrix, np.ndarray):
            matrix = np.array(matrix)
        shape = np.shape(matrix)
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError("matrix must be square")
        if shape[0] != len(ops):
            raise ValueError("length of ops must match matrix dimensions")
        if not is_upper_triangular(matrix):
            raise ValueError("matrix must be upper triangular")
        self.original_matrix = copy.deepcopy(matrix)
        self.original_ops = copy.deepcopy(ops)
        self.matrix = copy.deepcopy(matrix)
        self.ops = copy.deepcopy(ops)
        self.valid_spec = True
        self._prune()

    def _prune(self):
        num_vertices = np.shape(self.original_matrix)[0]
        visited_from_input = set([0])
        frontier = [0]
        while frontier:
            top = frontier.pop()
            for v in range(top + 1, num_vertices):
                if self.original_matrix[top, v] and v not in visited_from_input:
                    visited_from_input.add(v)
                    frontier.append(v)
        visited_from_output = set([num_vertices - 1])
        frontier = [num_vertices - 1]
        while frontier:
            top = frontier.pop()
            for v in range(0, top):
                if self.original_matrix[v, top] and v not in visited_from_output:
                    visited_from_output.add(v)
                    frontier.append(v)
        extraneous = set(range(num_vertices)).difference(
            visited_from_input.intersection(visited_from_output))
        if len(extraneous) > num_vertices - 2:
            self.matrix = None
            self.ops = None
            self.valid_spec = False
            return
        self.matrix = np.delete(self.matrix, list(extraneous), axis=0)
        self.matrix = np.delete(self.matrix, list(extraneous), axis=1)
        for index in sorted(extraneous, reverse=True):
            del self.ops[index]

    def hash_spec(self, canonical_ops):
        labeling = [-1] + [canonical_ops.index(op) for op in self.ops[1:-1]] + [-2]
        return hash_module(self.matrix, labeling)


def check_spec(spec):
    """nasbench/api.py NASBench._check_spec; the messages are the plugin's reasons."""
    if not spec.valid_spec:
        raise OutOfDomainError("input not connected to output")
    num_vertices = len(spec.ops)
    num_edges = np.sum(spec.matrix)
    if num_vertices > MODULE_VERTICES:
        raise OutOfDomainError("more than %d vertices" % MODULE_VERTICES)
    if num_edges > MAX_EDGES:
        raise OutOfDomainError("more than %d edges" % MAX_EDGES)
    if spec.ops[0] != "input":
        raise OutOfDomainError("first operation should be 'input'")
    if spec.ops[-1] != "output":
        raise OutOfDomainError("last operation should be 'output'")
    for op in spec.ops[1:-1]:
        if op not in AVAILABLE_OPS:
            raise OutOfDomainError("unsupported op %s" % op)


def is_valid(spec):
    try:
        check_spec(spec)
        return True
    except OutOfDomainError:
        return False


def prune_validate_hash(records):
    check = 0
    for matrix, ops in records:
        spec = ModelSpec(matrix, ops)
        if is_valid(spec):
            check += ord(spec.hash_spec(AVAILABLE_OPS)[0])
    return check


def hash_only(pruned):
    check = 0
    for spec in pruned:
        check += ord(spec.hash_spec(AVAILABLE_OPS)[0])
    return check


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "shared", "data", "nb101", "spec-vectors.jsonl")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path) as f:
        lines = [json.loads(line) for line in f]
    records = [(r["matrix"], r["ops"]) for r in lines]

    # correctness first: the file's verdicts, reasons and hashes
    pruned = []
    for r in lines:
        spec = ModelSpec(r["matrix"], r["ops"])
        try:
            check_spec(spec)
            reason = None
        except OutOfDomainError as e:
            reason = str(e)
        # spec-vectors.jsonl says "valid" and "reason"; a file of enumerated cells only "hash"
        assert (reason is None) == r.get("valid", True), r
        if reason is not None:
            assert r["reason"].startswith(reason), (reason, r["reason"])
        else:
            assert spec.hash_spec(AVAILABLE_OPS) == r["hash"], r
            pruned.append(spec)
    print(f"{len(records)} specs, {len(pruned)} valid; verdicts, reasons and hashes match the file")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}")

    full, alone = [], []
    for run in range(runs + 1):
        t0 = time.perf_counter()
        prune_validate_hash(records)
        t1 = time.perf_counter()
        hash_only(pruned)
        t2 = time.perf_counter()
        a = (t1 - t0) * 1e6 / len(records)
        b = (t2 - t1) * 1e6 / len(pruned)
        tag = "warm-up" if run == 0 else f"run {run}"
        print(f"{tag}: prune+validate+hash {a:.1f} us/spec ({len(records) / (t1 - t0):,.0f} specs/s),"
              f" hash only {b:.1f} us/cell", flush=True)
        if run > 0:
            full.append(a)
            alone.append(b)
    print(f"median of {runs}: prune+validate+hash {statistics.median(full):.1f} us/spec"
          f" (best {min(full):.1f}), hash only {statistics.median(alone):.1f} us/cell"
          f" (best {min(alone):.1f})")


if __name__ == "__main__":
    main()
