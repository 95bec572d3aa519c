#!/usr/bin/env bash
# Checks a release archive the way a user without Swift would meet it: unpacks
# it in an empty folder, makes sure the binary needs no Swift library, and runs
# a round on the bundled sample with nothing but the system's PATH.
#
#   Scripts/check-dist.sh tandem-VERSION-linux-ARCH.tar.gz
set -euo pipefail
archive=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
tar -xzf "$archive"
folder=$(ls)
binary="$folder/bin/tandem"
if ldd "$binary" | grep -iE 'swift|libFoundation|libdispatch'; then
    echo "check-dist: $binary still needs the Swift libraries above" >&2
    exit 1
fi
sample="--mentors $folder/datasets/sample/mentors.csv --mentees $folder/datasets/sample/mentees.csv"
sample+=" --conflicts $folder/datasets/sample/conflicts.csv --policy $folder/datasets/sample/policy.toml"
run() {
    # shellcheck disable=SC2086  # the options are words
    if ! env -i PATH=/usr/bin:/bin HOME="$work" "$binary" "$@" $sample >output.txt 2>&1; then
        cat output.txt >&2
        echo "check-dist: tandem $1 failed" >&2
        exit 1
    fi
}
run validate
run match --out round --quiet
test -s round/report.html && test -s round/pairs.csv
echo "check-dist: $(basename "$archive") runs a round in an empty folder without Swift ($(du -h "$binary" | cut -f1) binary)"
