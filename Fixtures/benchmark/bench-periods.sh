#!/usr/bin/env bash
# `make bench`, periods line (issue 26, SPEC §11): generated returns (release build) run as
# one period, then the same rows as two periods of the same services
# (Fixtures/benchmark/two_periods.py): seconds and peak RSS of each `vfm run --force`, and
# the ratio (target ≤ 1.5 at 10^5 rows). Size defaults to 100000; override with
# BENCH_PERIODS_SIZE.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${VFM_BIN_DIR:?set VFM_BIN_DIR to the release bin directory}"
n="${BENCH_PERIODS_SIZE:-100000}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 Fixtures/messy/make_benchmark.py "$scratch/one.csv" "$n"
python3 Fixtures/benchmark/two_periods.py "$scratch/one.csv" "$scratch/two.csv"
printf '%-8s %-12s %10s %14s\n' rows periods seconds peak_RSS_MiB
for run in one two; do
  /usr/bin/time -f '%e %M' -o "$scratch/time" \
    "$bin/vfm" run --quiet --force --input "$scratch/$run.csv" --output "$scratch/run-$run"
  read -r seconds kib < "$scratch/time"
  eval "seconds_$run=$seconds"
  awk -v n="$n" -v p="$run" -v s="$seconds" -v k="$kib" 'BEGIN { printf "%-8d %-12s %10.2f %14.1f\n", n, p, s, k / 1024 }'
done
awk -v a="$seconds_one" -v b="$seconds_two" 'BEGIN { printf "two periods / one period: %.2f (target <= 1.5)\n", b / a }'
