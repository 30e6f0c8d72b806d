#!/usr/bin/env bash
# A one-node SLURM cluster on localhost, for the integration tests and for trying the SLURM
# backend on a laptop. Needs Debian's slurm-wlm and munge (apt-get install -y slurm-wlm munge)
# and root (the daemons run as root; no cgroups: proctrack/linuxproc, task/none).
#
#   slurm/local-cluster.sh start    # idempotent: does nothing when the cluster answers
#   slurm/local-cluster.sh stop     # stops the daemons this script started
#   slurm/local-cluster.sh status   # exit 0 when the cluster answers
#
# State, spool and logs live under $EVALNAS_SLURM_DIR (default /tmp/evalnas-slurm). The
# config is written to /etc/slurm/slurm.conf (where every client looks) unless a file there
# is not ours, in which case the script stops rather than touch it.
set -euo pipefail

dir=${EVALNAS_SLURM_DIR:-/tmp/evalnas-slurm}
conf=/etc/slurm/slurm.conf
marker="# written by evalnas slurm/local-cluster.sh"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "local-cluster: $1 is missing (apt-get install -y slurm-wlm munge)" >&2; exit 2; }
}

answers() {
  timeout 10 sinfo -h -o %P >/dev/null 2>&1
}

pid_alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

write_conf() {
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    echo "local-cluster: $conf exists and was not written by this script; not touching it" >&2
    exit 2
  fi
  # the node as slurmd sees it: CPUs, sockets, cores, threads and memory
  local node
  node=$(slurmd -C | head -1 | sed -e 's/^NodeName=[^ ]*/NodeName=localhost/')
  mkdir -p "$dir/ctld" "$dir/d" "$dir/log" /etc/slurm
  cat >"$conf.tmp" <<EOF
$marker
ClusterName=evalnas-local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=defer_batch
DefMemPerCPU=1024
# a small cluster answers fast: short waits between SIGTERM and SIGKILL, quick requeues
KillWait=10
MinJobAge=300
InactiveLimit=0
SlurmctldTimeout=30
SlurmdTimeout=30
JobRequeue=1
$node State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
  mv "$conf.tmp" "$conf"
}

start_munge() {
  if pgrep -x munged >/dev/null 2>&1 && munge -n >/dev/null 2>&1; then
    return
  fi
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null \
      || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null
  fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
  chmod 0400 /etc/munge/munge.key
  if id munge >/dev/null 2>&1; then
    runuser -u munge -- munged --force
  else
    munged --force
  fi
  for _ in $(seq 1 50); do munge -n >/dev/null 2>&1 && return; sleep 0.1; done
  echo "local-cluster: munged does not answer" >&2
  exit 1
}

start() {
  need slurmctld; need slurmd; need munged; need sinfo
  if answers && pid_alive "$dir/slurmctld.pid" && pid_alive "$dir/slurmd.pid"; then
    echo "local-cluster: already running ($conf)"
    return
  fi
  write_conf
  start_munge
  pid_alive "$dir/slurmctld.pid" || slurmctld -i
  pid_alive "$dir/slurmd.pid" || slurmd
  for _ in $(seq 1 100); do
    if answers && [ "$(sinfo -h -n localhost -o %t 2>/dev/null)" = "idle" ]; then
      echo "local-cluster: up ($conf, state in $dir)"
      return
    fi
    sleep 0.2
  done
  echo "local-cluster: the node did not come up; see $dir/log" >&2
  sinfo -N -l >&2 || true
  exit 1
}

stop() {
  for d in slurmd slurmctld; do
    if pid_alive "$dir/$d.pid"; then
      kill "$(cat "$dir/$d.pid")" || true
      for _ in $(seq 1 50); do pid_alive "$dir/$d.pid" || break; sleep 0.1; done
    fi
  done
  echo "local-cluster: stopped (munged is left running; state stays in $dir)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers && sinfo ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
