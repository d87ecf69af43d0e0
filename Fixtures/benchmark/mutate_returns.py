#!/usr/bin/env python3
"""The "new dataset version" for `make bench`'s vfm-diff line: a copy of a return written by
Fixtures/messy/make_benchmark.py with a few services changed, removed and added.

    python3 Fixtures/benchmark/mutate_returns.py OLD.csv NEW.csv

Changed: Service 1's people supported (838 -> 900) and Service 5's total cost (+£100,000);
removed: Services 10 and 20; added: two services at the end. Every other byte is kept.
"""
import sys


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\r\n")
    while lines and lines[-1] == "":
        lines.pop()
    removed = ('Authority 10,"Service 10, Ltd",', 'Authority 20,"Service 20, Ltd",')
    out = []
    for line in lines:
        if line.startswith(removed):
            continue
        if line.startswith('Authority 1,"Service 1, Ltd",'):
            line = line.replace(',"£419,049",838,', ',"£419,049",900,')
        if line.startswith('Authority 5,"Service 5, Ltd",'):
            line = line.replace(',"£866,346",', ',"£966,346",')
        out.append(line)
    out += ['Authority 3,"Service New A, Ltd",2012/13,IPS,no,"£50,000",40,1,2,3,4,5,6,7,10,10,10,5,2,0,7,'
            '1,1,1,1,1,1,1,2,2,3,"£1,250.00",-,North',
            'Authority 77,"Service New B, Ltd",2012/13,IPS,ips-fidelity,"£90,000",60,1,2,3,4,5,6,7,10,10,10,'
            '9,2,0,11,1,1,1,1,1,1,1,2,2,3,"£1,500.00",-,South']
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join(out) + "\r\n")


if __name__ == "__main__":
    main()
