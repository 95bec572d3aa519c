#!/usr/bin/env bash
# `tandem compare` against one `tandem match`, on the 5,000-participant
# cohort (3,400 mentees, 1,600 mentors): 20 scenarios mixing policy
# overrides (4), withdrawals (4), capacity changes (4), pins (2), forbidden
# pairs (1) and a 5-value sweep of the minimum score, plus the prices (one
# more place for 5 mentors, each hard rule). Each iteration runs the match
# and the comparison back to back, so the two are compared within one run on
# this noisy machine; the medians of their wall times and the ratio are
# reported. The target: under 3.
#
#   make build && Benchmarks/compare-sweep.sh            # RUNS=5 by default
set -euo pipefail
tandem=${TANDEM:-.build/release/tandem}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cohort="$work/cohort"
"$tandem" generate --mentees 3400 --mentors 1600 --seed 1 --out "$cohort" > /dev/null
inputs=(--mentors "$cohort/mentors.csv" --mentees "$cohort/mentees.csv" --conflicts "$cohort/conflicts.csv"
    --policy "$cohort/policy.toml")
"$tandem" match "${inputs[@]}" --out "$work/round" --quiet 2> /dev/null

# A mentee's pair in the baseline (mentee,mentor), and the mentor they would
# rank second (a pin that moves them).
pair_of() { sed -n "s/^\(E$1\),[^,]*,[^,]*,\(M[0-9]*\),.*/\1 \2/p" "$work/round/pairs.csv"; }
second_choice() {
    "$tandem" score "${inputs[@]}" --mentee "E$1" 2> /dev/null | sed -n 's/^#2 mentor \(M[0-9]*\) .*/\1/p'
}
read -r forbid_mentee forbid_mentor <<< "$(pair_of 10)"
cat > "$work/scenarios.toml" << TOML
[[scenario]]
name = "no same-organisation pairs"
policy = { rules = { same_organisation = "forbid" } }
[[scenario]]
name = "regions count more"
policy = { weights = { same_region = 5 } }
[[scenario]]
name = "spread the load"
policy = { matching = { slot_discount = 2 } }
[[scenario]]
name = "quality first"
policy = { matching = { objective = "quality" } }
[[scenario]]
name = "M1 withdraws"
drop = ["M1"]
[[scenario]]
name = "five mentors withdraw"
drop = ["M2", "M3", "M4", "M5", "M6"]
[[scenario]]
name = "ten mentees withdraw"
drop = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E11"]
[[scenario]]
name = "a mentor and a mentee withdraw"
drop = ["M7", "E12"]
[[scenario]]
name = "M8 takes three"
capacity = { M8 = 3 }
[[scenario]]
name = "M9 takes one"
capacity = { M9 = 1 }
[[scenario]]
name = "ten mentors take three"
capacity = { M10 = 3, M11 = 3, M12 = 3, M13 = 3, M14 = 3, M15 = 3, M16 = 3, M17 = 3, M18 = 3, M19 = 3 }
[[scenario]]
name = "M20 and M21 take four"
capacity = { M20 = 4, M21 = 4 }
[[scenario]]
name = "E20 with their second choice"
pin = [["E20", "$(second_choice 20)"]]
[[scenario]]
name = "E30 with their second choice"
pin = [["E30", "$(second_choice 30)"]]
[[scenario]]
name = "$forbid_mentee not with $forbid_mentor"
forbid = [["$forbid_mentee", "$forbid_mentor"]]
[[sweep]]
name = "minimum"
key = "matching.minimum_score"
values = [0, 10, 20, 30, 40]
TOML

median() { sort -g | awk '{ value[NR] = $1 } END { print value[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
: > "$work/match.txt"
: > "$work/compare.txt"
for run in $(seq "$runs"); do
    seconds "$tandem" match "${inputs[@]}" --out "$work/match-$run" >> "$work/match.txt"
    seconds "$tandem" compare "${inputs[@]}" --scenarios "$work/scenarios.toml" --out "$work/compare-$run" \
        >> "$work/compare.txt"
done
"$tandem" compare "${inputs[@]}" --scenarios "$work/scenarios.toml" --out "$work/compare-summary" 2> /dev/null \
    | grep -vE '^timings:'
match_median=$(median < "$work/match.txt")
compare_median=$(median < "$work/compare.txt")
echo "tandem match:   median $match_median s of $runs ($(sort -g "$work/match.txt" | tr '\n' ' '))"
echo "tandem compare: median $compare_median s of $runs ($(sort -g "$work/compare.txt" | tr '\n' ' '))"
awk -v a="$compare_median" -v b="$match_median" 'BEGIN { printf "ratio:          %.2f (target: under 3)\n", a / b }'
