"""Where each thread of a command spent its life: on a CPU, runnable but waiting for one, or
asleep. Runs the command, samples /proc/PID/task/*/schedstat (ns on a CPU, ns waiting in the
run queue, timeslices) and stat (the thread's start time) every 0.2 s from this one process,
and prints each thread's last sample when the command ends. Steady state is the difference of
two runs with different step counts (bench/TRAINING-HISTORY.md, session 13).

    python3 bench/thread_account.py [--min-ms 30] -- COMMAND ARGS...

Forking a process per thread to read these files (a shell loop of `cat`) loads a process of
many threads (the JVM's 20) far more than one of three (Python's), and shows waits that the
sampler itself caused; hence one process, plain reads.
"""
import argparse
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def sample(pid):
    """{tid: (name, cpu ms, wait ms, timeslices, life ms)} of the live threads of `pid`."""
    threads = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return threads
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    for tid in tids:
        base = f"/proc/{pid}/task/{tid}"
        try:
            with open(f"{base}/comm") as f:
                name = f.read().strip()
            with open(f"{base}/schedstat") as f:
                cpu, wait, slices = (int(x) for x in f.read().split()[:3])
            with open(f"{base}/stat") as f:
                # the name in parentheses may hold spaces: split after its closing one
                start = int(f.read().rsplit(")", 1)[1].split()[19]) / TICKS
        except (OSError, ValueError, IndexError):
            continue  # the thread ended between the listing and the reads
        threads[tid] = (name, cpu / 1e6, wait / 1e6, slices, (uptime - start) * 1e3)
    return threads


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-ms", type=float, default=30, help="leave out threads with less CPU")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run")
    child = subprocess.Popen(command)
    last = {}
    while child.poll() is None:
        last.update(sample(child.pid))
        time.sleep(0.2)
    for tid, (name, cpu, wait, slices, life) in sorted(last.items(), key=lambda kv: -kv[1][1]):
        if cpu >= args.min_ms:
            print(f"tid={tid} name={name.replace(' ', '_')} cpu_ms={cpu:.0f} wait_ms={wait:.0f} "
                  f"asleep_ms={life - cpu - wait:.0f} timeslices={slices}", file=sys.stderr)
    # a command killed by signal N gets Popen's -N; report it as a shell would, 128 + N
    sys.exit(child.returncode if child.returncode >= 0 else 128 - child.returncode)


if __name__ == "__main__":
    main()
