#!/usr/bin/python3
"""Peer benchmark for `plenary chart ga-breakdown`.

Draws, with matplotlib's Agg backend, a chart comparable to Plenary's
General Assembly breakdown: 40 roll calls as horizontal stacked bars of
yes / no / abstain / non-voting in the same Okabe-Ito colours, with the
totals beside each bar, a legend, a title, a subtitle and a footer, at
1200x800 pixels. It draws and saves the PNG N times and prints the time
per chart, so that bench.sh can set Plenary's renderer beside the usual
Python tool.

Usage: stackedbar.py [-n N] [--data FILE] [--out FILE.png]
  -n N        charts to draw (default 20)
  --data      a roll-call CSV with resolution,date,yes,no,abstain,no_vote
              columns (default: ../shared/data/unga2025/resolutions.csv)
  --out       where to save the PNG (default: a temporary file, removed)

It runs with Debian's python3 (/usr/bin/python3, python3-matplotlib).
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.exit(f"stackedbar.py: {e}; run it with /usr/bin/python3 (apt-get install python3-matplotlib)")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "unga2025", "resolutions.csv"))
COLOURS = {"Yes": "#0072B2", "No": "#D55E00", "Abstain": "#E69F00", "Non-voting": "#999999"}


def load(path, count=40):
    """The most recent count roll calls, oldest first, as (label, [y, n, a, x])."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.sort(key=lambda r: (r["date"], r["resolution"]))
    rows = rows[-count:]
    return [(r["resolution"], [int(r["yes"]), int(r["no"]), int(r["abstain"]), int(r["no_vote"])]) for r in rows]


def draw(data, out):
    fig = plt.figure(figsize=(12, 8), dpi=100)
    ax = fig.add_axes([0.13, 0.08, 0.78, 0.78])
    labels = [d[0] for d in data]
    left = [0] * len(data)
    for k, (name, colour) in enumerate(COLOURS.items()):
        values = [d[1][k] for d in data]
        ax.barh(labels, values, left=left, color=colour, label=name, height=0.7)
        left = [a + b for a, b in zip(left, values)]
    for i, d in enumerate(data):
        ax.text(left[i] + 2, i, f"{d[1][0]}–{d[1][1]}–{d[1][2]}", va="center", fontsize=8, color="#555555")
    ax.invert_yaxis()
    ax.set_xlim(0, max(left) * 1.12)
    ax.set_xlabel("Member States", fontsize=9)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)
    fig.text(0.015, 0.965, "How the General Assembly voted, 2025", fontsize=18, weight="bold")
    fig.text(0.015, 0.935, f"Filter: General Assembly · 2025 · most recent {len(data)} roll calls", fontsize=11, color="#555555")
    fig.legend(loc="upper left", bbox_to_anchor=(0.01, 0.925), ncol=4, frameon=False, fontsize=10)
    fig.text(0.015, 0.015, "Source: unga2025 (UN Digital Library)", fontsize=9, color="#555555")
    fig.text(0.985, 0.015, "matplotlib peer", fontsize=9, color="#555555", ha="right")
    fig.savefig(out, format="png")
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out")
    args = ap.parse_args()
    data = load(args.data)
    out = args.out or os.path.join(tempfile.mkdtemp(), "stackedbar.png")
    draw(data, out)  # warm up: fonts and caches load on the first chart
    start = time.perf_counter()
    for _ in range(args.n):
        draw(data, out)
    per = (time.perf_counter() - start) / args.n
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not args.out:
        os.remove(out)
        os.rmdir(os.path.dirname(out))
    print(f"stackedbar.py: {args.n} charts of {len(data)} roll calls at 1200x800, {per * 1000:.1f} ms per chart; peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
