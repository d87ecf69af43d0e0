#!/usr/bin/env python3
"""Writes a large synthetic return for the benchmark (not committed: it is ~20 MB).

    python3 Fixtures/messy/make_benchmark.py /tmp/bench-100k.csv 100000 [all|core]

`all` (the default) writes every column of SPEC §4; `core` only the 16 columns the
analysis needs (authority … outcomes_total), the file issue 12 measured (85 MB for 10^6
rows) and `make bench` runs. The rows are the same random draws either way.

Every column of SPEC §4 plus a `region` extra; £ and thousands separators, quoted names
with commas, missing words, and about 1% rows that ingest rejects (ragged, unparsable).
"""
import random
import sys

COLUMNS = ("authority,service,period,model,evidence_based,total_cost,people_supported,clients_ld,clients_mh,"
           "clients_physical_sensory,clients_autism,clients_homeless,clients_drug_alcohol,clients_other,"
           "support_lt7,support_7to40,support_40plus,outcomes_gained,outcomes_retained,outcomes_self_employed,"
           "outcomes_total,outcomes_ld,outcomes_mh,outcomes_physical_sensory,outcomes_autism,outcomes_homeless,"
           "outcomes_drug_alcohol,outcomes_other,outcomes_lt7,outcomes_7to40,outcomes_40plus,"
           "reported_cost_per_person,reported_cost_per_outcome,region")


def row(rng, index):
    people = rng.randint(5, 900)
    cost = rng.randint(20_000, 900_000)
    gained, retained, self_employed = rng.randint(0, people // 3), rng.randint(0, people // 4), rng.randint(0, 3)
    counts = [rng.randint(0, people) if rng.random() > 0.1 else "don't know" for _ in range(7 + 3)]
    outcome_counts = [rng.randint(0, 20) if rng.random() > 0.3 else "n/a" for _ in range(10)]
    cells = [f"Authority {index % 150}", f'"Service {index}, Ltd"', "2012/13", "IPS", rng.choice(["ips-fidelity", "", "no"]),
             f'"£{cost:,}"', f"{people:,}" if people < 1000 else f'"{people:,}"'] + counts[:7] + counts[7:] \
        + [gained, retained, self_employed, gained + retained + self_employed] + outcome_counts \
        + [f'"£{cost / people:,.2f}"', "-", rng.choice(["North", "South", "Midlands"])]
    if index % 100 == 7:
        cells[6] = "twelve"  # unparsable count
    return cells


CORE = ("authority", "service", "period", "model", "evidence_based", "total_cost", "people_supported",
        "clients_ld", "clients_mh", "support_lt7", "support_7to40", "support_40plus", "outcomes_gained",
        "outcomes_retained", "outcomes_self_employed", "outcomes_total")


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    columns = sys.argv[3] if len(sys.argv) > 3 else "all"
    if columns not in ("all", "core"):
        sys.exit(f"make_benchmark.py: columns must be `all` or `core`, not `{columns}`")
    names = COLUMNS.split(",")
    keep = [names.index(name) for name in CORE] if columns == "core" else list(range(len(names)))
    rng = random.Random(20141)
    with open(path, "w", encoding="utf-8", newline="\r\n") as handle:
        handle.write(",".join(names[i] for i in keep) + "\n")
        for index in range(count):
            cells = row(rng, index)
            written = [str(cells[i]) for i in keep]
            if index % 100 == 53:
                written = written[:-1]  # ragged
            handle.write(",".join(written) + "\n")


if __name__ == "__main__":
    main()
