"""Per-property table (markdown) of a vs-nnenum.sh CSV: decided, wrong, total and median wall time per tool."""
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
tools = ("relumip", "nnenum")
props = sorted({r["vnnlib"] for r in rows}, key=lambda p: int(p.split("_")[1].split(".")[0]))
print("| property | instances | " + " | ".join(f"{t} decided | {t} wrong | {t} total (s) | {t} median (s)" for t in tools) + " |")
print("|---|---|" + "---|---|---|---|" * len(tools))
for prop in props + ["all"]:
    cells = []
    count = 0
    for t in tools:
        r = [x for x in rows if x["tool"] == t and (prop == "all" or x["vnnlib"] == prop)]
        count = len(r)
        dec = [x for x in r if x["answer"] in ("sat", "unsat")]
        wrong = [x for x in dec if x["truth"] in ("sat", "unsat") and x["answer"] != x["truth"]]
        times = [float(x["wall_s"]) for x in r]
        cells.append(f"{len(dec)} | {len(wrong)} | {sum(times):.1f} | {statistics.median(times):.2f}")
    name = prop.replace("vnnlib/", "").replace(".vnnlib", "")
    print(f"| {name} | {count} | " + " | ".join(cells) + " |")
