#!/usr/bin/env bash
# Merges the parts of Examples/slurm/compare-array.sh into the folder an
# unsharded `tandem compare` writes, byte for byte. Submitted with
# --dependency=afterok:ARRAY_JOB_ID, it runs once every shard has succeeded.
#SBATCH --job-name=tandem-merge
#SBATCH --output=tandem-merge-%j.log
set -euo pipefail
: "${PARTS:?set it to the folder the shards wrote their parts to}"
OUT=${OUT:-what-if}
TANDEM=${TANDEM:-tandem}
exec "$TANDEM" compare --merge "$PARTS"/part-* --out "$OUT"
