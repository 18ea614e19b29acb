#!/usr/bin/env python3
"""Summarises a run of docs/robustness/run.sh as a markdown table per network:
instances, decided (sat / unsat), how they were decided, and the wall times."""
import csv
import sys
from collections import OrderedDict

rows = list(csv.DictReader(open(sys.argv[1])))
nets = OrderedDict()
for r in rows:
    nets.setdefault(r["network"].split("/")[-1].replace(".onnx", ""), []).append(r)
print("| network | instances | decided | sat | unsat | by attack | by bounds | by search | time decided (s) | total time (s) |")
print("|---|---|---|---|---|---|---|---|---|---|")
totals = [0] * 7
total_time = 0.0
for net, rs in nets.items():
    decided = [r for r in rs if r["answer"] in ("sat", "unsat")]
    count = lambda key, value, among=decided: sum(1 for r in among if r[key] == value)
    t_dec = sum(float(r["time_s"]) for r in decided)
    t_all = sum(float(r["time_s"]) for r in rs)
    cells = [len(rs), len(decided), count("answer", "sat"), count("answer", "unsat"),
             count("decided_by", "attack"), count("decided_by", "bounds"), count("decided_by", "search")]
    totals = [a + b for a, b in zip(totals, cells)]
    total_time += t_all
    print(f"| {net} | " + " | ".join(map(str, cells)) + f" | {t_dec:.1f} | {t_all:.1f} |")
print("| all | " + " | ".join(map(str, totals)) + f" | | {total_time:.1f} |")
