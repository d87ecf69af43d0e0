#!/usr/bin/env bash
# `make bench` (issue 12): one generated return per size (Fixtures/messy/make_benchmark.py,
# fixed seed, the 16 analysis columns), and on that same file:
#   - `vfm run --force` (release build): wall time and peak RSS of the whole run, and each
#     stage's time from the run's own log line;
#   - the four stage executables by hand: each one's wall time and peak RSS, and their sum against vfm run;
#   - pandas and polars doing the analysis only (Fixtures/benchmark/analysis.py: read,
#     derive, describe, Pearson + Spearman × 5 groups), wall time and peak RSS.
#   - workbooks (issue 30): the same rows as an .xlsx written by openpyxl (make_workbook.py) and
#     by LibreOffice (`soffice --headless --convert-to xlsx` of that file), `vfm run --force` on the
#     CSV and on each workbook, beside fastexcel, python-calamine and openpyxl (read-only) loading
#     the same workbook (load_workbook.py), wall time and peak RSS, all in the same run.
# Prints one table per part, then the ratios the issues' targets are stated in. Not part of `make test`.
# Sizes default to 10000 100000 1000000; override with BENCH_SIZES="10000 100000" (empty: no CSV table).
# Workbook sizes default to 10000 100000 (BENCH_WORKBOOK_SIZES; empty: none); each workbook
# measurement is the fastest of BENCH_WORKBOOK_REPEAT runs (default 3: the machine is shared).
# The workbook peers come from BENCH_WORKBOOK_VENV (default .build/bench-venv), installed into it
# when missing (PyPI); LibreOffice is Debian's libreoffice-calc-nogui (`make bench` installs it).
# BENCH_COLUMNS=all generates every SPEC §4 column instead of the 16.
# pandas and polars come from BENCH_VENV (`make bench` passes the tests' .build/pyenv), and are
# installed into it (with scipy, which pandas' Spearman needs) when missing (PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${VFM_BIN_DIR:?set VFM_BIN_DIR to the release bin directory}"
sizes="${BENCH_SIZES-10000 100000 1000000}"
workbook_sizes="${BENCH_WORKBOOK_SIZES-10000 100000}"
workbook_repeat="${BENCH_WORKBOOK_REPEAT:-3}"
workbook_venv="${BENCH_WORKBOOK_VENV:-.build/bench-venv}"
columns="${BENCH_COLUMNS:-core}"
venv="${BENCH_VENV:-.build/pyenv}"
# pandas' Spearman (DataFrame.corr(method="spearman")) imports scipy.
if ! "$venv/bin/python" -c 'import pandas, polars, scipy' 2>/dev/null; then
  echo "bench: installing pandas, polars and scipy into $venv" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pandas polars scipy
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
trap 'exit 1' INT TERM  # so that the EXIT trap cleans up when the bench is stopped

# Runs a command under /usr/bin/time; prints "seconds MiB" (exit status must be 0).
measure() {
  local out=$1; shift
  /usr/bin/time -f '%e %M' -o "$scratch/time" "$@" > /dev/null 2> "$out" \
    || { echo "bench: failed: $* (see below)" >&2; tail -5 "$out" >&2; exit 1; }
  awk '{ printf "%.2f %.0f", $1, $2 / 1024 }' "$scratch/time"
}
# The milliseconds of one stage in `vfm run`'s "published … (ingest N ms, …)" line, as seconds.
stage() { sed -n "s/.*published .*[(,] *$1 \([0-9]*\) ms.*/\1/p" "$2" | awk '{ printf "%.2f", $1 / 1000 }'; }

printf '%-8s | %8s %7s | %7s %7s %7s %7s %7s %7s | %7s %7s %7s | %8s %7s | %8s %7s | %9s %10s %10s %9s\n' \
  rows run_s run_MiB ingest clean analyze report write publish ing_MiB cln_MiB ana_MiB pandas_s pd_MiB polars_s pl_MiB \
  ica/polars icaw/polars run/polars run/pandas
declare -A run_seconds
hand_rows=()
for n in $sizes; do
  input="$scratch/returns-$n.csv"
  python3 Fixtures/messy/make_benchmark.py "$input" "$n" "$columns"
  m=$(measure "$scratch/run.log" "$bin/vfm" run --force --input "$input" --output "$scratch/run-$n"); read -r run_s run_mib <<< "$m"
  run_seconds[$n]=$run_s
  ingest=$(stage ingest "$scratch/run.log"); clean=$(stage clean "$scratch/run.log")
  analyze=$(stage analyze "$scratch/run.log"); write=$(stage write "$scratch/run.log")
  report=$(stage report "$scratch/run.log")
  publish=$(stage publish "$scratch/run.log")
  rm -rf "$scratch/run-$n"
  mkdir -p "$scratch/stages-$n"
  m=$(measure "$scratch/stage.log" "$bin/vfm-ingest" --run-dir "$scratch/stages-$n" --input "$input"); read -r ingest_hand_s ingest_mib <<< "$m"
  m=$(measure "$scratch/stage.log" "$bin/vfm-clean" --run-dir "$scratch/stages-$n"); read -r clean_hand_s clean_mib <<< "$m"
  m=$(measure "$scratch/stage.log" "$bin/vfm-analyze" --run-dir "$scratch/stages-$n"); read -r analyze_hand_s analyze_mib <<< "$m"
  m=$(measure "$scratch/stage.log" "$bin/vfm-report" --run-dir "$scratch/stages-$n"); read -r report_hand_s report_mib <<< "$m"
  hand_rows+=("$(awk -v n="$n" -v rs="$run_s" -v rm="$run_mib" -v a="$ingest_hand_s" -v b="$clean_hand_s" -v c="$analyze_hand_s" \
      -v d="$report_hand_s" -v am="$ingest_mib" -v bm="$clean_mib" -v cm="$analyze_mib" -v dm="$report_mib" 'BEGIN {
    t = a + b + c + d; m = am; if (bm > m) m = bm; if (cm > m) m = cm; if (dm > m) m = dm
    printf "%-8d | %6.2f %6.2f %6.2f %6.2f | %7.2f %8.2f | %6d %6d %6d %6d | %8.2f\n", n, a, b, c, d, t, t / (rs > 0 ? rs : 1),
      am, bm, cm, dm, m / (rm > 0 ? rm : 1) }')")
  rm -rf "$scratch/stages-$n"
  m=$(measure "$scratch/py.log" "$venv/bin/python" Fixtures/benchmark/analysis.py pandas "$input"); read -r pandas_s pandas_mib <<< "$m"
  m=$(measure "$scratch/py.log" "$venv/bin/python" Fixtures/benchmark/analysis.py polars "$input"); read -r polars_s polars_mib <<< "$m"
  awk -v n="$n" -v rs="$run_s" -v rm="$run_mib" -v i="$ingest" -v c="$clean" -v a="$analyze" -v w="$write" -v r="$report" \
      -v p="$publish" -v im="$ingest_mib" -v cm="$clean_mib" -v am="$analyze_mib" -v ps="$pandas_s" \
      -v pm="$pandas_mib" -v ls="$polars_s" -v lm="$polars_mib" 'BEGIN {
    printf "%-8d | %8.2f %7d | %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | %7d %7d %7d | %8.2f %7d | %8.2f %7d | %9.2f %10.2f %10.2f %9.2f\n",
      n, rs, rm, i, c, a, r, w, p, im, cm, am, ps, pm, ls, lm, (i + c + a) / (ls > 0 ? ls : 1),
      (i + c + a + w) / (ls > 0 ? ls : 1), rs / (ls > 0 ? ls : 1), rs / (ps > 0 ? ps : 1) }'
  rm -f "$input"
done
echo "seconds are wall-clock; MiB peak RSS; ingest…publish are the stages of the one vfm run (each stage's files are"
echo "written in the background while later stages compute; write = the wait, after the report, for the last of them, and"
echo "the manifest); ing/cln/ana_MiB are vfm-ingest/-clean/-analyze run by hand on the same file; ica/polars ="
echo "(ingest+clean+analyze) / polars, icaw/polars = (ingest+clean+analyze+write) / polars;"
echo "run/polars and run/pandas = the whole vfm run / the peer's analysis alone (issue 30's targets at 10^6:"
echo "ica/polars <= 1.5, run/polars <= 2, run_MiB <= 1024; earlier issues': ica/polars <= 2, run/pandas <= 1)."
echo
echo "the four stages by hand on the same file (issue 25: by hand <= 1.3 x vfm run --force, each stage's RSS <= 1.3 x vfm run's):"
printf '%-8s | %6s %6s %6s %6s | %7s %8s | %6s %6s %6s %6s | %8s\n' rows ingest clean analyze report hand_s hand/run \
  ing_MiB cln_MiB ana_MiB rep_MiB maxRSS/run
for row in "${hand_rows[@]}"; do echo "$row"; done
if [[ -n "${run_seconds[100000]:-}" && -n "${run_seconds[1000000]:-}" ]]; then
  awk -v a="${run_seconds[100000]}" -v b="${run_seconds[1000000]}" \
    'BEGIN { printf "growth: vfm run 10^6 / 10^5 = %.1f (target <= 12)\n", b / (a > 0 ? a : 1) }'
fi

# Workbooks (issue 30): what reading the .xlsx adds to `vfm run` against what the peers take to
# load the same file. Each figure is the fastest of $workbook_repeat runs, each tool's runs
# interleaved with the others', so that a burst of load on the shared machine hits all alike.
[ -n "$workbook_sizes" ] || exit 0
if ! "$workbook_venv/bin/python" -c 'import fastexcel, python_calamine, openpyxl, pyarrow' 2>/dev/null; then
  echo "bench: installing fastexcel, python-calamine, openpyxl and pyarrow into $workbook_venv" >&2
  [ -x "$workbook_venv/bin/python" ] || python3 -m venv "$workbook_venv"
  "$workbook_venv/bin/pip" install --quiet --disable-pip-version-check fastexcel python-calamine openpyxl pyarrow
fi
command -v soffice >/dev/null || { echo "bench: soffice not found: apt-get install libreoffice-calc-nogui" >&2; exit 1; }
# The fastest of the runs: "seconds MiB" (the MiB of the fastest run).
fastest() { sort -n | head -1; }
echo
echo "workbooks: vfm run on the CSV and on the same rows as .xlsx; the peers load the .xlsx's first sheet"
printf '%-8s %-11s %7s | %7s %7s | %7s %7s | %7s | %8s %7s | %8s %7s | %8s %7s | %8s\n' rows writer xlsx_MB \
  csv_s csv_MiB xlsx_s xlsx_MiB added_s fastex_s fe_MiB calam_s cal_MiB openpx_s opx_MiB added/fe
for n in $workbook_sizes; do
  csv="$scratch/wb-$n.csv"
  python3 Fixtures/messy/make_benchmark.py "$csv" "$n" "$columns"
  "$workbook_venv/bin/python" Fixtures/benchmark/make_workbook.py "$csv" "$scratch/wb-$n-openpyxl.xlsx"
  mkdir -p "$scratch/lo-$n"
  HOME="$scratch/lo-home" soffice --headless --convert-to xlsx --outdir "$scratch/lo-$n" "$scratch/wb-$n-openpyxl.xlsx" \
    > "$scratch/soffice.log" 2>&1 || { echo "bench: soffice failed" >&2; cat "$scratch/soffice.log" >&2; exit 1; }
  mv "$scratch/lo-$n/wb-$n-openpyxl.xlsx" "$scratch/wb-$n-libreoffice.xlsx"
  declare -A best=()
  for _ in $(seq "$workbook_repeat"); do
    best[csv]+="$(measure "$scratch/run.log" "$bin/vfm" run --force --input "$csv" --output "$scratch/run-wb")"$'\n'
    for writer in openpyxl libreoffice; do
      book="$scratch/wb-$n-$writer.xlsx"
      best[vfm-$writer]+="$(measure "$scratch/run.log" "$bin/vfm" run --force --input "$book" --output "$scratch/run-wb")"$'\n'
      for peer in fastexcel calamine openpyxl; do
        best[$peer-$writer]+="$(measure "$scratch/py.log" "$workbook_venv/bin/python" Fixtures/benchmark/load_workbook.py "$peer" "$book")"$'\n'
      done
    done
  done
  rm -rf "$scratch/run-wb"
  read -r csv_s csv_mib <<< "$(printf '%s' "${best[csv]}" | fastest)"
  for writer in openpyxl libreoffice; do
    read -r wb_s wb_mib <<< "$(printf '%s' "${best[vfm-$writer]}" | fastest)"
    read -r fe_s fe_mib <<< "$(printf '%s' "${best[fastexcel-$writer]}" | fastest)"
    read -r cal_s cal_mib <<< "$(printf '%s' "${best[calamine-$writer]}" | fastest)"
    read -r opx_s opx_mib <<< "$(printf '%s' "${best[openpyxl-$writer]}" | fastest)"
    bytes=$(stat -c %s "$scratch/wb-$n-$writer.xlsx")
    awk -v n="$n" -v w="$writer" -v b="$bytes" -v cs="$csv_s" -v cm="$csv_mib" -v ws="$wb_s" -v wm="$wb_mib" -v fs="$fe_s" \
        -v fm="$fe_mib" -v ks="$cal_s" -v km="$cal_mib" -v os="$opx_s" -v om="$opx_mib" 'BEGIN {
      printf "%-8d %-11s %7.1f | %7.2f %7d | %7.2f %8d | %7.2f | %8.2f %7d | %8.2f %7d | %8.2f %7d | %8.2f\n",
        n, w, b / 1e6, cs, cm, ws, wm, ws - cs, fs, fm, ks, km, os, om, (ws - cs) / (fs > 0 ? fs : 1) }'
  done
  rm -f "$csv" "$scratch"/wb-"$n"-*.xlsx
  unset best
done
echo "seconds are wall-clock, the fastest of $workbook_repeat runs; MiB peak RSS; added_s = xlsx_s - csv_s, what reading the"
echo "workbook adds to vfm run; added/fe = added_s / fastexcel's load (issue 30's target: <= 1 for both writers)."
