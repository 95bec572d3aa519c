#!/usr/bin/env bash
# `make fuzz`: builds tandem-fuzz with libFuzzer and AddressSanitizer and runs
# every target for SECONDS each (default 60). Exits non-zero when any target
# crashes, hangs (an input taking over 10 s) or allocates over 1 GB at once,
# after saying where the input that did it is and how to keep it as a test.
#
#   Fuzz/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(policy mentors mentees conflicts npy csv-matrix sparse criteria-mentors criteria-mentees responses checkpoints scenarios)

# Every module (the root package's, TOMLKit's C++ too) is instrumented. The
# build is made from scratch each time (about 2 minutes, the fetched packages
# and the corpus are kept): incremental builds of this package went stale when
# the root package changed under it (a new file left out; a struct that grew
# read with its old size, which AddressSanitizer reported as an overflow).
rm -rf .build/release.yaml .build/x86_64-unknown-linux-gnu .build/release
swift build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address
binary=.build/release/tandem-fuzz

# The seed corpus: the bundled datasets, the seeds here and every input that
# once found a bug; what libFuzzer adds stays in .build/ for the next run.
seeds() {
    local target=$1
    case $target in
        policy) ls ../datasets/*/policy.toml ../datasets/invalid/*/policy.toml ../datasets/policies/*.toml ;;
        mentors | mentees | conflicts) ls ../datasets/*/"$target".csv ../datasets/invalid/*/"$target".csv ;;
        criteria-mentors | criteria-mentees)
            ls ../datasets/forms/*/"${target#criteria-}".csv ../datasets/invalid/criteria-*/"${target#criteria-}".csv ;;
        npy) ls Seeds/npy/* ;;
        csv-matrix) ls ../datasets/sample-scores.csv Seeds/csv-matrix/* ;;
        sparse) ls Seeds/sparse/* ;;
        responses) ls ../datasets/*/responses.csv Seeds/responses/* ;;
        checkpoints) ls ../datasets/*/checkpoints.csv Seeds/checkpoints/* ;;
        scenarios) ls Seeds/scenarios/* ;;
    esac 2>/dev/null
    ls ../Tests/FuzzRegressionTests/Inputs/"$target"/* 2>/dev/null || true
}

failed=()
for target in "${targets[@]}"; do
    corpus=.build/fuzz/corpus/$target findings=.build/fuzz/findings/$target
    mkdir -p "$corpus" "$findings"
    seeds "$target" | while read -r seed; do
        cp "$seed" "$corpus/seed-$(basename "$(dirname "$seed")")-$(basename "$seed")"
    done
    log=.build/fuzz/$target.log
    echo "fuzzing $target for $seconds s…"
    # Leak checking is off: the Swift runtime keeps caches for the process's life.
    if ASAN_OPTIONS=detect_leaks=0 "$binary" "$target" "$corpus" -max_total_time="$seconds" \
        -timeout=10 -malloc_limit_mb=1024 -rss_limit_mb=2560 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | sed "s/^/  /"
    else
        failed+=("$target")
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed "s/^/  /"
        echo "  the whole log: Fuzz/$log"
        echo "  reproduce: Fuzz/$binary $target FILE"
        echo "  keep it as a test: cp FILE Tests/FuzzRegressionTests/Inputs/$target/NAME (see CONTRIBUTING)"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}"
    exit 1
fi
echo "fuzzing: no crash, hang or large allocation in ${targets[*]}"
