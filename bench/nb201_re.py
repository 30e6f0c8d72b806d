"""Plain-Python reference for the README's protocol benchmark.

The same loop evalnas runs for `bench/nb201-re-1000.conf`: for each of 1,000 seeds, regularized
evolution (population 10, tournament 3 drawn with replacement, one-decision mutation, best of
history) with 300 queries to a NAS-Bench-201 table, the pick reported with its test accuracy.
By default no files are written. With `--results DIR` it also does the file work evalnas does
for the same run: each seed's random-baseline cell (one uniform draw) as well, and each of the
2,000 cells' result (chosen architecture, accuracies, trajectory) written as indented JSON to
DIR/<policy>/seed-N/result.json through a temporary file and a rename.
Usage: python3 bench/nb201_re.py nb201-12epoch.csv [--results DIR]
"""
import argparse
import csv
import json
import os
import random
import time

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def arch_string(ops):
    return "|{}~0|+|{}~0|{}~1|+|{}~0|{}~1|{}~2|".format(*(OPS[o] for o in ops))


def write_cell(results, policy, seed, ops, valid, test, search, report):
    cell = os.path.join(results, policy, f"seed-{seed}")
    os.makedirs(cell)
    tmp = os.path.join(cell, ".result.json.tmp")
    with open(tmp, "w") as f:
        json.dump({"policy": policy, "seed": seed, "chosen": {"label": arch_string(ops), "choices": list(ops)},
                   "search_score": valid, "accuracy": test,
                   "trajectory": {"search": search, "report": report}}, f, indent=2)
    os.replace(tmp, os.path.join(cell, "result.json"))


def main(path, results=None, seeds=1000, queries=300, population=10, sample=3):
    start = time.perf_counter()
    table = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            table[row["arch"]] = (float(row["cifar10_valid"]), float(row["cifar10_test"]))
    picks = []
    for seed in range(seeds):
        rng = random.Random(seed)

        def query(ops):
            return table[arch_string(ops)]

        pop = []
        history = []
        while len(history) < queries:
            if len(pop) < population:
                child = tuple(rng.randrange(5) for _ in range(6))
            else:
                parent = max((rng.choice(pop) for _ in range(sample)), key=lambda m: m[1])[0]
                child = list(parent)
                d = rng.randrange(6)
                child[d] = rng.choice([o for o in range(5) if o != parent[d]])
                child = tuple(child)
            valid, test = query(child)
            member = (child, valid, test)
            pop.append(member)
            history.append(member)
            if len(pop) > population:
                pop.pop(0)
        best = max(history, key=lambda m: m[1])
        picks.append(best[2])
        if results:
            write_cell(results, "regularized-evolution", seed, best[0], best[1], best[2],
                       [m[1] for m in history], [m[2] for m in history])
            ops = tuple(rng.randrange(5) for _ in range(6))
            valid, test = query(ops)
            write_cell(results, "random-baseline", seed, ops, valid, test, [valid], [test])
    elapsed = time.perf_counter() - start
    print(f"{seeds} seeds x {queries} queries: mean test {sum(picks) / len(picks):.3f}, {elapsed:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Regularized evolution on NAS-Bench-201, 1,000 seeds.")
    parser.add_argument("table", help="a NAS-Bench-201 CSV (index,arch,<dataset>_<split>,...)")
    parser.add_argument("--results", metavar="DIR", help="also write each cell's result.json under DIR")
    args = parser.parse_args()
    main(args.table, args.results)
