#!/usr/bin/env bash
# A real single-node Slurm cluster runs a sharded `tandem compare`: Debian's
# slurm-wlm and munge are installed if missing, a minimal configuration is
# written to a temporary folder, munged, slurmctld and slurmd are started as
# root, an array of 4 shards (Examples/slurm/compare-array.sh) and an afterok
# merge (Examples/slurm/merge.sh) are submitted, and the merged folder must
# equal an unsharded run's byte for byte. Every wait is bounded; the daemons
# this script started are stopped by their process ids, whatever happens.
#
#   bash .ci/slurm-test.sh            # as root; TANDEM=path/to/tandem to test another build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DEBIAN_FRONTEND=noninteractive
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
    apt-get update -qq
    apt-get install -y -qq slurm-wlm munge > /dev/null
fi
if [ -z "${TANDEM:-}" ]; then make -s build > /dev/null; fi
tandem=${TANDEM:-$root/.build/release/tandem}
work=$(mktemp -d /tmp/tandem-slurm.XXXXXX)
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    done
    rm -rf "$work"
}
trap stop EXIT
fail() {
    echo "slurm-test: $*" >&2
    for log in "$work"/log/*.log "$work"/run/*.log; do
        [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
    done
    exit 1
}
# Waits up to $1 seconds for the command after it to succeed.
within() {
    local seconds=$1
    shift
    for _ in $(seq $((seconds * 4))); do "$@" > /dev/null 2>&1 && return 0; sleep 0.25; done
    return 1
}

mkdir -p "$work"/{munge,state,spool,log,run}
chmod 700 "$work/munge"
cp /etc/munge/munge.key "$work/munge/munge.key" 2> /dev/null \
    || dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed"
within 10 test -s "$work/munge/munged.pid" || fail "munged did not start"
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
cpus=$(nproc)
memory=$(($(awk '/MemTotal/ { print $2 }' /proc/meminfo) / 1024 / 2))
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" << CONF
ClusterName=tandem-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=60 State=UP
CONF
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
within 20 test -s "$work/run/slurmctld.pid" || fail "slurmctld wrote no pid"
pids+=("$(cat "$work/run/slurmctld.pid")")
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
within 20 test -s "$work/run/slurmd.pid" || fail "slurmd wrote no pid"
pids+=("$(cat "$work/run/slurmd.pid")")
node_ready() { sinfo -h -o %T | grep -qE '^(idle|mixed|allocated)'; }
within 60 node_ready || fail "the node never became idle ($(sinfo -h -o %T 2> /dev/null))"

sample=$root/datasets/sample
export INPUTS="--mentors $sample/mentors.csv --mentees $sample/mentees.csv --conflicts $sample/conflicts.csv --policy $sample/policy.toml"
export SCENARIOS=$sample/scenarios.toml TANDEM=$tandem PARTS=$work/run/parts OUT=$work/run/merged
export TANDEM_SHARD_COUNT=4 EXTRA_OPTIONS=--rounds
# shellcheck disable=SC2086 # INPUTS holds several options.
"$tandem" compare $INPUTS --scenarios "$SCENARIOS" --rounds --out "$work/run/whole" --quiet
cd "$work/run"
array=$(sbatch --parsable --array=0-3 --cpus-per-task=1 "$root/Examples/slurm/compare-array.sh") \
    || fail "sbatch refused the array"
merge=$(sbatch --parsable --dependency="afterok:$array" "$root/Examples/slurm/merge.sh") \
    || fail "sbatch refused the merge"
# Done when the merge job has left the queue; a failed shard leaves it
# waiting on a dependency that can never be satisfied.
finished() {
    if squeue -h -j "$merge" -o %r 2> /dev/null | grep -q DependencyNeverSatisfied; then return 0; fi
    ! squeue -h -j "$merge" 2> /dev/null | grep -q .
}
within 180 finished || fail "the merge job did not finish within 3 minutes (squeue: $(squeue -h 2>&1 | head -5))"
[ -f "$OUT/comparison.json" ] || fail "no merged comparison: a shard or the merge failed"
diff -r "$work/run/whole" "$OUT" > "$work/run/diff.log" || fail "the merged folder differs from an unsharded run"
echo "slurm-test: 4 shards and an afterok merge on Slurm $(sinfo -V | awk '{ print $2 }'): $(find "$OUT" -type f | wc -l) files, identical to an unsharded run"
