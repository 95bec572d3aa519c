#!/usr/bin/env bash
# A follow-up round against the first round's solve, on the 5,000-participant
# cohort: 3,400 mentees and 1,600 mentors sign up; the round is matched,
# published and answered (10 % of the proposals declined, 60 % accepted, the
# rest awaiting a reply); 68 more mentees (2 %) sign up late; `tandem rematch`
# then runs from the ledger. Each iteration runs the first round's match and
# the rematch (from a fresh copy of the answered ledger) back to back, so the
# two are compared within one run on this noisy machine; the medians of the
# solve times the summaries print (`timings:`) and their ratio are reported.
#
#   make build && Benchmarks/round-life.sh            # RUNS=7 by default
set -euo pipefail
tandem=${TANDEM:-.build/release/tandem}
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cohort="$work/cohort"
"$tandem" generate --mentees 3400 --mentors 1600 --late-mentees 68 --seed 1 --out "$cohort" > /dev/null
first=(--mentors "$cohort/mentors.csv" --mentees "$cohort/mentees.csv" --conflicts "$cohort/conflicts.csv"
    --policy "$cohort/policy.toml")
"$tandem" match "${first[@]}" --out "$work/round-1" --ledger "$work/answered.sqlite" --quiet
"$tandem" publish --ledger "$work/answered.sqlite" --out "$work/letters.csv" --date 2027-02-05 > /dev/null
"$tandem" generate --responses-to "$work/round-1" --declined 10 --accepted 60 --seed 2 --out "$work/answers" > /dev/null
"$tandem" respond --ledger "$work/answered.sqlite" "$work/answers/responses.csv"

# The solve seconds of a summary's `timings:` line.
solve_seconds() { sed -n 's/^timings:.* solve \([0-9.]*\) s.*/\1/p'; }
median() { sort -g | awk '{ value[NR] = $1 } END { print value[int((NR + 1) / 2)] }'; }

: > "$work/first.txt"
: > "$work/rematch.txt"
for run in $(seq "$runs"); do
    "$tandem" match "${first[@]}" --out "$work/first-$run" 2> /dev/null | solve_seconds >> "$work/first.txt"
    cp "$work/answered.sqlite" "$work/run.sqlite"
    "$tandem" rematch --ledger "$work/run.sqlite" --mentees "$cohort/mentees-later.csv" \
        --conflicts "$cohort/conflicts-later.csv" --out "$work/rematch-$run" 2> /dev/null \
        | tee "$work/rematch-summary.txt" | solve_seconds >> "$work/rematch.txt"
done
grep -E '^(changes|solver):' "$work/rematch-summary.txt"
first_median=$(median < "$work/first.txt")
rematch_median=$(median < "$work/rematch.txt")
echo "first round's solve: median $first_median s of $runs ($(sort -g "$work/first.txt" | tr '\n' ' '))"
echo "rematch's solve:     median $rematch_median s of $runs ($(sort -g "$work/rematch.txt" | tr '\n' ' '))"
awk -v a="$rematch_median" -v b="$first_median" 'BEGIN { printf "ratio:               %.2f\n", a / b }'
