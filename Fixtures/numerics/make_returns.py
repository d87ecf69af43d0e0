#!/usr/bin/env python3
"""Returns files that stress the arithmetic, for the kernel-independence test
(Tests/EndToEndTests/KernelIndependenceTests.swift). Standard library only,
deterministic. Run from the repository root: python3 Fixtures/numerics/make_returns.py

numacc-returns.csv  1,001 services whose costs are NIST StRD NumAcc4's values
                    (10000000.2, then 10000000.1/10000000.3 alternating) and whose
                    people supported are NumAcc1-like counts around 10^7: every mean,
                    SD and correlation is cancellation-prone.
linear-returns.csv  200 services with 400 people each and total_cost = 10^7 + 0.5 i,
                    so cost per person is an exactly linear function of total cost
                    (r = 1 up to the rounding of the division) on a large offset.
"""
import csv
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
HEADER = ["authority", "service", "period", "evidence_based", "total_cost", "people_supported",
          "clients_ld", "clients_mh", "support_lt7", "support_7to40", "support_40plus",
          "outcomes_gained", "outcomes_retained", "outcomes_self_employed"]


def write(name, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def numacc():
    costs = ["10000000.2"] + ["10000000.1", "10000000.3"] * 500
    rows = []
    for i, cost in enumerate(costs):
        people = 10000001 + (i % 3)
        gained = 4000000 + (i * 7) % 11
        retained = 3000000 + (i * 5) % 13
        self_employed = 100 + i % 3
        ld = 6000000 + (i % 5) if i % 2 else 2000000 + (i % 5)
        mh = people - ld - 10
        lt7, mid = 5000000 + (i % 7), 4000000 + (i % 4)
        rows.append([f"Authority {i % 17:02d}", f"NumAcc service {i:04d}", "2012/13",
                     "ips-fidelity" if i % 9 == 0 else "no", cost, people, ld, mh,
                     lt7, mid, people - lt7 - mid, gained, retained, self_employed])
    write("numacc-returns.csv", rows)


def linear():
    rows = []
    for i in range(200):
        cost = 10_000_000 + 0.5 * i
        gained, retained = 20 + (i % 50), 10 + (i * 7) % 30
        ld = 300 if i % 2 else 50
        rows.append([f"Authority {i % 11:02d}", f"Linear service {i:03d}", "2012/13",
                     "observed-good-practice" if i % 7 == 0 else "no", f"{cost:.1f}", 400, ld, 350 - ld,
                     200 + i % 9, 150 - i % 9, 50, gained, retained, i % 3])
    write("linear-returns.csv", rows)


if __name__ == "__main__":
    numacc()
    linear()
