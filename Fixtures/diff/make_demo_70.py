#!/usr/bin/env python3
"""A 70-service demonstration pair for vfm-diff (not used by the tests): `sample` and
`three-changed` (one total cost doubled, 15 late job outcomes, one service newly
IPS-fidelity), built with make_runs.py. Until `Output/sample/` exists, this shows how a
diff of a study-sized run reads.

    python3 Fixtures/diff/make_demo_70.py /tmp/vfm-diff-demo
    vfm-diff /tmp/vfm-diff-demo/sample /tmp/vfm-diff-demo/three-changed
"""
import copy, random, sys
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
import make_runs as m
m.RUNS = sys.argv[1] if len(sys.argv) > 1 else "/tmp/vfm-diff-demo"
rng = random.Random(7)
areas = ["Northshire","Southvale","Eastmoor","Westfield","Lakeside","Hillford","Riverton","Ashby","Kingsmere","Oakham"]
services = []
for i in range(70):
    ld = i < 32; mh = 32 <= i < 63
    people = rng.randint(20, 400)
    cpp = rng.lognormvariate(7.3, 0.6)
    cost = round(people * cpp, -2)
    rate = min(0.95, max(0.05, rng.gauss(0.38, 0.15)))
    jo = max(0, round(people * rate))
    gained = round(jo * rng.uniform(0.45, 0.75)); se = round(jo * rng.uniform(0, 0.05)); retained = max(0, jo - gained - se)
    ldc = round(people * (0.8 if ld else 0.1 if mh else 0.4)); mhc = round(people * (0.1 if ld else 0.8 if mh else 0.4))
    ev = "ips-fidelity" if (mh and i % 3 == 0 and i < 62) else ""
    sup = (round(people*0.5), round(people*0.4), people - round(people*0.5) - round(people*0.4)) if ld and i < 18 else None
    services.append(m.service(areas[i % 10], f"Employment Service {i+1:02d}", cost, people, gained, retained, se, ldc, mhc,
                              evidence=ev, support=sup, line=i + 2))
flags = [(services[5]["authority"], services[5]["service"], "sample.csv:7", "outlier", "cost_per_person", 4100, 3.5, "warning", "modified z-score 3.9 exceeds 3.5")]
m.build("sample", services, flags, [])
changed = copy.deepcopy(services)
changed[3]["total_cost"] = 2 * changed[3]["total_cost"]          # a cost typed twice too high, corrected
changed[40]["outcomes_gained"] += 15                              # late-reported job outcomes
changed[61]["evidence_based"] = "ips-fidelity"                    # a service newly assessed as IPS-fidelity
m.build("three-changed", changed, flags, [])
