"""oneDNN's own account of a run: the primitives it executed and the time it reports for each,
summed from the lines ONEDNN_VERBOSE=1 prints. Run both sides of a comparison with the
variable set and give both logs; the totals, then per primitive kind and propagation kind, then
the largest single shapes, show whether the two sides ran the same kernels as fast
(bench/TRAINING-HISTORY.md, session 15).

    ONEDNN_VERBOSE=1 java ... TrainingThroughputBench 16 2 1 128 20 2 > djl.log 2>&1
    ONEDNN_VERBOSE=1 /usr/bin/python3 bench/nb101_torch_throughput.py 16 2 1 128 20 2 > torch.log 2>&1
    python3 bench/onednn_account.py djl.log torch.log

Reads both line formats: oneDNN 3.x (libtorch 2.x, DJL's) prints
`onednn_verbose,primitive,exec,cpu,KIND,IMPL,PROP,...,PROBLEM,MS` (with a timestamp after the
first field when ONEDNN_VERBOSE_TIMESTAMP=1) and oneDNN 2.x (Debian's PyTorch 1.13)
`onednn_verbose,exec,cpu,KIND,IMPL,PROP,...,PROBLEM,MS`. The times are oneDNN's own, taken
around each primitive's execution, so they leave out everything between kernels.
"""
import argparse
import collections
import sys


def account(path):
    """(total ms, executions, {(kind, prop): ms}, {(kind, impl, prop, problem): [count, ms]})"""
    by_kind = collections.Counter()
    by_shape = collections.defaultdict(lambda: [0, 0.0])
    total, executions = 0.0, 0
    with open(path, errors="replace") as f:
        for number, line in enumerate(f, 1):
            fields = line.strip().split(",")
            if not fields[0].endswith("_verbose") or "exec" not in fields[:4]:
                continue
            at = fields.index("exec")
            try:
                kind, impl, prop = fields[at + 2], fields[at + 3], fields[at + 4]
                problem, ms = fields[-2], float(fields[-1])
            except (IndexError, ValueError):
                sys.exit(f"{path}:{number}: not a oneDNN verbose exec line: {line.strip()[:120]}")
            total += ms
            executions += 1
            by_kind[(kind, prop)] += ms
            entry = by_shape[(kind, impl, prop, problem)]
            entry[0] += 1
            entry[1] += ms
    return total, executions, by_kind, by_shape


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("logs", nargs="+", help="output of runs with ONEDNN_VERBOSE=1")
    parser.add_argument("--top", type=int, default=10, help="largest shapes to list per log")
    args = parser.parse_args()
    for path in args.logs:
        total, executions, by_kind, by_shape = account(path)
        if executions == 0:
            sys.exit(f"{path}: no oneDNN exec lines (was ONEDNN_VERBOSE=1 set?)")
        print(f"{path}: {executions} executions, {total:.1f} ms")
        for (kind, prop), ms in by_kind.most_common():
            print(f"  {ms:10.1f} ms  {kind} {prop}")
        ranked = sorted(by_shape.items(), key=lambda item: -item[1][1])[: args.top]
        for (kind, impl, prop, problem), (count, ms) in ranked:
            print(f"  {ms:10.1f} ms {count:6d}x  {kind} {impl} {prop} {problem[:70]}")


if __name__ == "__main__":
    main()
