#!/usr/bin/env bash
# One shard of a what-if comparison, as a Slurm job array: task I of the
# array runs shard I of TANDEM_SHARD_COUNT and writes its part to
# $PARTS/part-I. Submit the array and a merge that waits for it:
#
#   export TANDEM_SHARD_COUNT=8 PARTS=$PWD/parts INPUTS="--mentors m.csv --mentees e.csv --policy p.toml"
#   array=$(sbatch --parsable --array=0-$((TANDEM_SHARD_COUNT - 1)) Examples/slurm/compare-array.sh)
#   sbatch --dependency=afterok:$array Examples/slurm/merge.sh
#
# A shard that failed is re-run alone (`tandem compare --merge` names the
# missing ones): TANDEM_SHARD_COUNT=8 sbatch --array=3,5 Examples/slurm/compare-array.sh
#SBATCH --job-name=tandem-compare
#SBATCH --cpus-per-task=2
#SBATCH --output=tandem-compare-%A_%a.log
set -euo pipefail
: "${TANDEM_SHARD_COUNT:?set it to the number of shards (the size of the array)}"
: "${PARTS:?set it to a shared folder for the parts}"
: "${INPUTS:?set it to the sign-up, conflicts and policy options of tandem compare}"
SCENARIOS=${SCENARIOS:-scenarios.toml}
TANDEM=${TANDEM:-tandem}
mkdir -p "$PARTS"
# shellcheck disable=SC2086 # INPUTS holds several options.
exec "$TANDEM" compare $INPUTS --scenarios "$SCENARIOS" --shard auto --jobs "${SLURM_CPUS_PER_TASK:-1}" \
    --out "$PARTS/part-$SLURM_ARRAY_TASK_ID" ${EXTRA_OPTIONS:-}
