#!/usr/bin/env bash
# `make bench`, vfm-diff line: two runs of generated returns (release build) — the second
# with 2 services changed, 2 removed and 2 added (Fixtures/benchmark/mutate_returns.py) —
# then `vfm-diff OLD NEW` in Markdown and in JSON: seconds and peak RSS (target ≤ 300 MiB
# at 10^5 services, issue 17). Size defaults to 100000; override with BENCH_DIFF_SIZE.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${VFM_BIN_DIR:?set VFM_BIN_DIR to the release bin directory}"
n="${BENCH_DIFF_SIZE:-100000}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 Fixtures/messy/make_benchmark.py "$scratch/old.csv" "$n"
python3 Fixtures/benchmark/mutate_returns.py "$scratch/old.csv" "$scratch/new.csv"
for run in old new; do
  "$bin/vfm" run --quiet --force --input "$scratch/$run.csv" --output "$scratch/run-$run"
done
printf '%-9s %-9s %10s %14s %6s\n' services format seconds peak_RSS_MiB exit
for format in markdown json; do
  status=0
  /usr/bin/time -f '%e %M' -o "$scratch/time" \
    "$bin/vfm-diff" --format "$format" --output "$scratch/diff.$format" "$scratch/run-old" "$scratch/run-new" || status=$?
  # Exit 1 makes time(1) write "Command exited with non-zero status 1" first: the figures are the last line.
  read -r seconds kib < <(tail -n 1 "$scratch/time")
  awk -v n="$n" -v f="$format" -v s="$seconds" -v k="$kib" -v e="$status" \
    'BEGIN { printf "%-9d %-9s %10.2f %14.1f %6d\n", n, f, s, k / 1024, e }'
  # Exit 1 is "differences", what this pair must give.
  [ "$status" = 1 ] || { echo "bench-diff: vfm-diff exited $status, expected 1 (differences)" >&2; exit 1; }
done
