#!/usr/bin/env python3
"""An independent diff of two run directories' tables, compared with `vfm-diff --all --format json`.

Test helper (stdlib only), run by Tests/RunDiffTests: reads the CSV files of both runs with
Python's csv module and works out, without any of the Swift code, which services were
added, removed and changed (and in which fields), which figures of the findings tables
moved at all, which correlations moved, and which flags and rejected rows are new or
resolved; then checks that the JSON says exactly that. Prints each disagreement and exits 1
if there is any.

    python3 Fixtures/diff/check_json.py OLD_RUN NEW_RUN DIFF.json
"""
import collections, csv, json, os, sys

# file: (key columns, figure columns) — SPEC §6, §6.1, §7. Table 8 (bands.csv) repeats the
# descriptives' n, min, max and mean; only its band edges are its own.
TABLES = {
    "support_levels": (["group"], ["n", "share_lt7", "share_7to40", "share_40plus"]),
    "outcome_mix": (["group"], ["n", "outcome_rate_mean", "gained_share", "retained_share", "self_employed_share",
                                "gained_per_100", "retained_per_100", "self_employed_per_100"]),
    "descriptives": (["group", "metric"], ["n", "mean", "sd", "min", "median", "max"]),
    "bands": (["group", "metric"], ["band_low", "band_high"]),
    "trend_lines": (["group", "x", "y"], ["n", "intercept", "slope"]),
    "value_for_money": (["group"], ["n", "total_cost", "job_outcomes", "pooled_cost_per_outcome",
                                    "mean_cost_per_outcome", "outcomes_per_100k", "ci_low", "ci_high"]),
    "scenarios": (["group", "scenario", "kind", "quantity"], ["value", "ci_low", "ci_high"]),
}
CORRELATION_FIGURES = ["n", "pearson_r", "spearman_rho", "ci_low", "ci_high", "p_value"]


def restore(cell):
    """CSV injection neutralising undone: a leading ' before = + - @ tab CR LF."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r\n" else cell


def rows(run, relative):
    path = os.path.join(run, relative)
    if not os.path.exists(path):
        return None
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        return [dict(zip(header, map(restore, r))) | {"_cells": [restore(c) for c in r]} for r in reader], header


def number(cell):
    return None if cell in ("", None) else float(cell)


def main(old_run, new_run, diff_path):
    diff = json.load(open(diff_path, encoding="utf-8"))
    problems = []

    def check(what, expected, actual):
        if expected != actual:
            problems.append("%s: expected %r, vfm-diff said %r" % (what, expected, actual))

    # Services: keyed by (authority, service, period); duplicates not expected in these runs.
    (old_services, old_header), (new_services, new_header) = rows(old_run, "clean/services.csv"), rows(new_run, "clean/services.csv")
    key = lambda r: (r["authority"], r["service"], r["period"])
    old_by, new_by = {key(r): r for r in old_services}, {key(r): r for r in new_services}
    check("services added", sorted(set(new_by) - set(old_by)),
          sorted(key(s) for s in diff["services"]["added"]))
    check("services removed", sorted(set(old_by) - set(new_by)),
          sorted(key(s) for s in diff["services"]["removed"]))
    compared = [c for c in new_header if c in old_header and c not in ("authority", "service", "period", "source", "flags")]
    expected_changes = {}
    for k in sorted(set(old_by) & set(new_by)):
        fields = [(c, old_by[k][c], new_by[k][c]) for c in compared if old_by[k][c] != new_by[k][c]]
        if fields:
            expected_changes[k] = fields
    actual_changes = {}
    for change in diff["services"]["changed"]:
        actual_changes[key(change)] = [(f["name"], "" if f["old"] is None else f["old"], "" if f["new"] is None else f["new"])
                                       for f in change["fields"]]
    normalise = lambda changes: {k: [(c, number(o) if _is_number(o) else o, number(n) if _is_number(n) else n)
                                     for c, o, n in v] for k, v in changes.items()}
    check("services changed", normalise(expected_changes), normalise(actual_changes))

    # Figures that moved at all (--all).
    expected_figures, actual_figures = set(), set()
    for table, (keys, figures) in TABLES.items():
        old_rows, new_rows = rows(old_run, "tables/%s.csv" % table), rows(new_run, "tables/%s.csv" % table)
        if old_rows is None or new_rows is None:
            continue
        old_index = {tuple(r[k] for k in keys): r for r in old_rows[0]}
        for r in new_rows[0]:
            k = tuple(r[c] for c in keys)
            if k not in old_index:
                continue
            for column in figures:
                before, after = number(old_index[k][column]), number(r[column])
                if before != after:
                    expected_figures.add((table, k, column, before, after))
    for figure in diff["figures"]:
        keys = TABLES[figure["table"]][0]
        actual_figures.add((figure["table"], tuple(figure["keys"][k] for k in keys), figure["column"],
                            figure["old"], figure["new"]))
    check("figures", sorted(expected_figures, key=repr), sorted(actual_figures, key=repr))

    # Correlations that moved at all.
    (old_corr, _), (new_corr, _) = rows(old_run, "tables/correlations.csv"), rows(new_run, "tables/correlations.csv")
    ck = lambda r: (r["group"], r["x"], r["y"])
    old_index = {ck(r): r for r in old_corr}
    expected = set()
    for r in new_corr:
        if ck(r) in old_index:
            o = old_index[ck(r)]
            moved = tuple(c for c in CORRELATION_FIGURES if number(o[c]) != number(r[c]))
            if moved or o["strength"] != r["strength"]:
                expected.add((ck(r), moved))
    actual = {((c["group"], c["x"], c["y"]), tuple(c["changed"])) for c in diff["correlations"]
              if c["old"] is not None and c["new"] is not None}
    check("correlations", sorted(expected), sorted(actual))

    # Flags by service, rule and metric; rejected rows by rule and raw cells (not line).
    def multiset_diff(old_items, new_items):
        old_count, new_count = collections.Counter(old_items), collections.Counter(new_items)
        return sorted((new_count - old_count).elements()), sorted((old_count - new_count).elements())
    flag_key = lambda r: (r["authority"], r["service"], r["period"], r["rule"], r["metric"])
    new_flags, resolved_flags = multiset_diff([flag_key(r) for r in rows(old_run, "clean/flags.csv")[0]],
                                              [flag_key(r) for r in rows(new_run, "clean/flags.csv")[0]])
    check("flags new", new_flags, sorted(flag_key(f) for f in diff["flags"]["new"]))
    check("flags resolved", resolved_flags, sorted(flag_key(f) for f in diff["flags"]["resolved"]))
    reject_key = lambda cells: (cells[2],) + tuple(cells[4:])
    new_rejects, resolved_rejects = multiset_diff([reject_key(r["_cells"]) for r in rows(old_run, "clean/rejected.csv")[0]],
                                                  [reject_key(r["_cells"]) for r in rows(new_run, "clean/rejected.csv")[0]])
    check("rejects new", new_rejects, sorted((r["rule"],) + tuple(r["cells"]) for r in diff["rejects"]["new"]))
    check("rejects resolved", resolved_rejects,
          sorted((r["rule"],) + tuple(r["cells"]) for r in diff["rejects"]["resolved"]))

    for problem in problems:
        print("%s: %s" % (diff_path, problem))
    return 1 if problems else 0


def _is_number(value):
    if isinstance(value, (int, float)):
        return True
    try:
        float(value)
        return value not in ("nan", "inf", "-inf") and not value.startswith("+")
    except (TypeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
