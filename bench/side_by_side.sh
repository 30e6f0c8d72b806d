#!/bin/bash
# DJL (evalnas) against PyTorch, alternating, on one NAS-Bench-101 training benchmark in three
# layouts of the 2-core machine: one process of 1 intra-op thread, two such processes at once
# (how the quickstart trains: execution.parallel = 2 workers of 1 thread), one process of
# 2 threads. Prints one line per round and, at the end, per layout the medians, the ratio of
# the medians, the per-round ratios' range, how many rounds DJL won, and the geometric mean of
# the per-round ratios with its 95 % confidence interval (a t-interval on their logarithms:
# a layout's two runs follow each other, so the machine's drift from round to round falls out;
# needs SciPy, Debian's python3-scipy, and is left out, with a note, without it).
#
#   bench/side_by_side.sh supernet|standalone [ROUNDS] [CHANNELS] [STEPS]
#
# Needs the benchmark classes and their classpath (README, "Training"):
#   mvn -q -o install -DskipTests && mvn -q -o test-compile -pl plugins/space-nasbench101
#   mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/nb101.cp -pl plugins/space-nasbench101
#   ./evalnas nasbench101 enumerate --max-vertices 4 --output /tmp/nb101-v4.jsonl   # supernet only
# and Debian's python3-torch. DJL runs with the launcher's JVM and glibc allocator settings;
# PyTorch as its users run it, or with the same allocator settings when TORCH_TUNABLES=1. The
# order alternates between rounds. BENCH_WARMUP (default 5) sets both sides' untimed steps: a
# longer warm-up measures the JVM's compiled code alone, as in a long training run.
# DJL_CPU_ISA caps oneDNN's instruction set on the DJL side only, as execution.cpu-isa does for
# evalnas's training workers (the quickstart: AVX2); ONEDNN_MAX_CPU_ISA in the environment caps
# both sides, for a like-for-like comparison.
# LAYOUTS picks the layouts (default "t1 pair t2": 1 thread, two 1-thread processes, 2 threads);
# LAYOUTS=t2 alone (the issue's setting) gets several times as many rounds into the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
network=${1:?usage: bench/side_by_side.sh supernet|standalone [ROUNDS] [CHANNELS] [STEPS]}
rounds=${2:-10}
channels=${3:-16}
steps=${4:-60}
classpath_file=${NB101_CP:-/tmp/nb101.cp}
cells=${NB101_CELLS:-/tmp/nb101-v4.jsonl}
[ -f "$classpath_file" ] || { echo "no classpath file $classpath_file: see the header of $0" >&2; exit 2; }
cp="plugins/space-nasbench101/target/test-classes:plugins/space-nasbench101/target/classes:$(cat "$classpath_file")"
case "$network" in
  supernet)
    [ -f "$cells" ] || { echo "no cell list $cells: see the header of $0" >&2; exit 2; }
    main=org.evalnas.space.nasbench101.network.SupernetThroughputBench
    script=bench/nb101_torch_supernet.py; extra=$cells ;;
  standalone)
    main=org.evalnas.space.nasbench101.network.TrainingThroughputBench
    script=bench/nb101_torch_throughput.py; extra= ;;
  *) echo "unknown network '$network': supernet or standalone" >&2; exit 2 ;;
esac
tunables=glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.arena_max=1
# a run's images/s; a run that printed none stops the series with the end of its output
rate() {
  local out
  out=$("${@:2}" 2>&1) || true
  if [[ $out =~ images/s=([0-9.]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "$1 run ($network, $channels channels) printed no images/s; its output ends:" >&2
    tail -n 5 <<< "$out" >&2
    return 1
  fi
}
djl_env=(env GLIBC_TUNABLES=$tunables)
[ -n "${DJL_CPU_ISA:-}" ] && djl_env+=(ONEDNN_MAX_CPU_ISA=$DJL_CPU_ISA)
djl() {
  rate "the DJL" "${djl_env[@]}" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dai.djl.offline=true -cp "$cp" $main "$channels" 2 1 128 "$steps" "$1"
}
torch_env=()
[ "${TORCH_TUNABLES:-0}" = 1 ] && torch_env=(env GLIBC_TUNABLES=$tunables)
torch() { rate "the PyTorch" "${torch_env[@]}" /usr/bin/python3 $script "$channels" 2 1 128 "$steps" "$1" $extra; }
# two 1-thread processes of the same side at once; their rates add up
pair() {
  local a b
  a=$(mktemp); b=$(mktemp)
  $1 1 > "$a" &
  local first=$!
  $1 1 > "$b" || exit 1
  wait $first || exit 1
  python3 -c "print(round(float('$(cat "$a")') + float('$(cat "$b")'), 1))"
  rm -f "$a" "$b"
}
log=$(mktemp)
layouts=${LAYOUTS:-t1 pair t2}
for l in $layouts; do
  case "$l" in t1|pair|t2) ;; *) echo "unknown layout '$l' in LAYOUTS: t1, pair or t2" >&2; exit 2 ;; esac
done
# one layout's DJL and PyTorch runs, in the order given; prints "L_djl=X L_torch=Y"
layout() {
  local l=$1 side x dj= tr=
  for side in $2 $3; do
    # t1 and t2 are one process of 1 or 2 threads
    if [ "$l" = pair ]; then x=$(pair "$side") || return 1; else x=$($side "${l#t}") || return 1; fi
    if [ "$side" = djl ]; then dj=$x; else tr=$x; fi
  done
  echo "${l}_djl=$dj ${l}_torch=$tr"
}
for r in $(seq 1 "$rounds"); do
  results=
  for l in $layouts; do
    if [ $((r % 2)) = 1 ]; then part=$(layout "$l" djl torch); else part=$(layout "$l" torch djl); fi
    results="$results $part"
  done
  echo "round=$r network=$network channels=$channels steps=$steps warmup=${BENCH_WARMUP:-5} torch_tunables=${TORCH_TUNABLES:-0} djl_cpu_isa=${DJL_CPU_ISA:-${ONEDNN_MAX_CPU_ISA:-none}} torch_cpu_isa=${ONEDNN_MAX_CPU_ISA:-none}$results load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$log"
done
python3 - "$log" <<'EOF'
import math, re, statistics, sys
try:
    from scipy import stats
except ImportError:
    stats = None
rows = [dict(re.findall(r"(\w+)=([\w.]+)", line)) for line in open(sys.argv[1])]
def paired(ratios):
    """The per-round ratios' geometric mean and 95 % t-interval, when SciPy is there."""
    if stats is None or len(ratios) < 2:
        return ""
    logs = [math.log(x) for x in ratios]
    ci = stats.ttest_1samp(logs, 0.0).confidence_interval(0.95)
    return (f", geometric mean of the per-round ratios {math.exp(statistics.fmean(logs)):.3f}"
            f" (95 % CI {math.exp(ci.low):.3f}-{math.exp(ci.high):.3f})")
for key, name in [("t1", "1 process x 1 thread"), ("pair", "2 processes x 1 thread"), ("t2", "1 process x 2 threads")]:
    if key + "_djl" not in rows[0]:
        continue
    djl = [float(r[key + "_djl"]) for r in rows]
    torch = [float(r[key + "_torch"]) for r in rows]
    ratios = [a / b for a, b in zip(djl, torch)]
    print(f"{name}: DJL {statistics.median(djl):.0f} images/s, PyTorch {statistics.median(torch):.0f}, "
          f"ratio of medians {statistics.median(djl) / statistics.median(torch):.3f}, "
          f"per round {min(ratios):.2f}-{max(ratios):.2f}, DJL ahead in {sum(x > 1 for x in ratios)} of {len(ratios)}"
          + paired(ratios))
if stats is None:
    print("no SciPy here: the per-round ratios' interval is left out (apt-get install python3-scipy)")
EOF
rm -f "$log"
