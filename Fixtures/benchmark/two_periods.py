#!/usr/bin/env python3
"""`make bench`, periods line (issue 26): the same generated rows as two periods.

The first half of the rows become 2011/12 returns and the second half 2012/13 returns of
the same services (each second-half row takes the authority and service of the row half
the file before it), so every service is matched across the two periods and the run does
the period edits and tables on top of the one-period work.
Usage: two_periods.py IN.csv OUT.csv
"""
import csv
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
authority, service, period = header.index("authority"), header.index("service"), header.index("period")
half = len(body) // 2
for index, row in enumerate(body):
    if index < half:
        row[period] = "2011/12"
    else:
        row[period] = "2012/13"
        earlier = body[index - half] if index - half < half else body[index % half]
        row[authority], row[service] = earlier[authority], earlier[service]
with open(target, "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + body)
