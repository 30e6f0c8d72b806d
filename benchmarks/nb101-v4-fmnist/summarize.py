#!/usr/bin/env python3
"""Summarizes a (partial) benchmark build from its result files alone: cells done, accuracy
range, time per run, and the repeat-to-repeat Kendall tau-b of the cells' accuracies.

    python3 benchmarks/nb101-v4-fmnist/summarize.py [BUILD_DIR]
"""
import glob
import itertools
import json
import os
import statistics
import sys


def tau_b(x, y):
    concordant = discordant = tx = ty = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            tx += 1
        elif dy == 0:
            ty += 1
        elif (dx > 0) == (dy > 0):
            concordant += 1
        else:
            discordant += 1
    denominator = ((concordant + discordant + tx) * (concordant + discordant + ty)) ** 0.5
    return (concordant - discordant) / denominator if denominator else float("nan")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    cells = {}
    for f in glob.glob(os.path.join(root, "cells", "*", "repeat-*.json")):
        r = json.load(open(f))
        cells.setdefault(r["hash"], {})[r["repeat"]] = r
    repeats = max((len(v) for v in cells.values()), default=0)
    done = {h: v for h, v in cells.items() if len(v) == repeats}
    runs = [r for v in cells.values() for r in v.values()]
    print(f"cells with all {repeats} repeats: {len(done)}; runs: {len(runs)}")
    if not done:
        return
    hashes = sorted(done)
    for metric in ("validation_accuracy", "test_accuracy"):
        means = [statistics.mean(done[h][k][metric] for k in range(repeats)) for h in hashes]
        taus = [tau_b([done[h][a][metric] for h in hashes], [done[h][b][metric] for h in hashes])
                for a, b in itertools.combinations(range(repeats), 2)]
        print(f"{metric}: mean over cells {min(means):.2f} .. {max(means):.2f} %, "
              f"repeat-to-repeat Kendall tau-b {' '.join(f'{t:.3f}' for t in taus)} "
              f"(mean {statistics.mean(taus):.3f})" if taus else "")
    val = [statistics.mean(done[h][k]["validation_accuracy"] for k in range(repeats)) for h in hashes]
    test = [statistics.mean(done[h][k]["test_accuracy"] for k in range(repeats)) for h in hashes]
    print(f"Kendall tau-b of mean validation vs mean test accuracy: {tau_b(val, test):.3f}")
    seconds = [r["training_time"] for r in runs]
    print(f"seconds per run: median {statistics.median(seconds):.1f}, "
          f"min {min(seconds):.1f}, max {max(seconds):.1f}")
    by_params = {}
    for r in runs:
        by_params.setdefault(r["trainable_parameters"], []).append(r["training_time"])
    for p in sorted(by_params):
        t = by_params[p]
        print(f"  {p:>6} parameters: {len(t)} runs, median {statistics.median(t):.1f} s")


if __name__ == "__main__":
    main()
