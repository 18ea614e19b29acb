#!/usr/bin/env python3
"""Summarises the CSV written by docs/acasxu/run.sh: answers per property, wrong
answers, total and median time. usage: summarize.py RESULTS.csv"""
import csv
import statistics
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1])))
by_prop = defaultdict(list)
for r in rows:
    by_prop[r["vnnlib"].split("/")[-1].replace(".vnnlib", "")].append(r)


def line(name, rs):
    count = lambda a: sum(1 for r in rs if r["answer"] == a)
    wrong = sum(1 for r in rs if r["correct"] == "NO")
    times = [float(r["time_s"]) for r in rs]
    return (f"| {name} | {len(rs)} | {count('sat')} | {count('unsat')} | "
            f"{len(rs) - count('sat') - count('unsat')} | {wrong} | "
            f"{sum(times):.0f} | {statistics.median(times):.2f} |")


print("| property | instances | sat | unsat | undecided | wrong | total time (s) | median time (s) |")
print("|---|---|---|---|---|---|---|---|")
for p in sorted(by_prop, key=lambda p: int(p.split("_")[1])):
    print(line(p, by_prop[p]))
print(line("**all**", rows))
