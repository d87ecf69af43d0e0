#!/usr/bin/env bash
# `make fuzz`: runs each libFuzzer target for a set time on a corpus seeded from Fixtures/,
# and fails on the first crash, sanitizer report, leak or timeout. Prints executions and
# coverage (libFuzzer's `cov:` edges and `ft:` features) per target.
#   Fuzz/run.sh BIN_DIR SECONDS TARGET...
set -uo pipefail
cd "$(dirname "$0")/.."
bin="$1"; seconds="$2"; shift 2
root=.build-fuzz/corpus
status=0
printf '%-14s %10s %8s %8s %8s\n' target executions exec/s cov ft
for target in "$@"; do
  corpus="$root/$target"
  mkdir -p "$corpus" .build-fuzz/artifacts
  case "$target" in
    fuzz-pipeline) dict=Fuzz/dictionaries/toml.dict
                   cp Pipelines/*.toml "$corpus/" 2>/dev/null
                   cp Fuzz/seeds/*.toml "$corpus/" 2>/dev/null ;;
    fuzz-runfiles) dict=Fuzz/dictionaries/csv.dict
                   # The selector byte, then a run file of the committed sample (see its main.swift).
                   selector=0
                   for file in ingest/returns.csv clean/services.csv clean/flags.csv; do
                     { printf "\\$(printf '%03o' $selector)"; cat "Output/sample/$file"; } > "$corpus/seed-$selector"
                     selector=$((selector + 1))
                   done ;;
    fuzz-xlsx)     dict=Fuzz/dictionaries/xlsx.dict
                   find Fixtures/workbooks -name '*.xlsx' -size -256k -exec cp {} "$corpus/" \; ;;
    *)             dict=Fuzz/dictionaries/csv.dict
                   find Fixtures/returns Fixtures/messy -name '*.csv' -size -64k -exec cp {} "$corpus/" \; ;;
  esac
  log=".build-fuzz/$target.log"
  # -max_len: big enough for deep nesting (40,000 brackets) and long cells.
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp "$bin/$target" "$corpus" -dict="$dict" -max_total_time="$seconds" \
      -max_len=262144 -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
      -artifact_prefix=.build-fuzz/artifacts/"$target"- > "$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  printf '%-14s %10s %8s %8s %8s\n' "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}"
  if [ "$code" -ne 0 ]; then
    echo "fuzz: $target failed (exit $code); see $log and .build-fuzz/artifacts/" >&2
    grep -E 'ERROR|SUMMARY|Fatal error|deadly signal|timeout' "$log" | head -5 >&2
    status=1
  fi
done
exit $status
