#!/usr/bin/python3
"""Peer benchmark for `plenary agreement --countries all --by year`.

Computes, with pandas and numpy, the same numbers as Plenary: the share of
roll calls on which two countries voted the same ("identical" agreement:
over the roll calls where both voted yes, no or abstain), for every pair of
countries in every calendar year of the unvotes General Assembly history.
It prints the elapsed time and the peak resident memory, so that bench.sh
can set Plenary's figures beside an idiomatic data-science implementation.

The work is vectorised the way an experienced numpy user would write it:
one dense country x roll-call matrix, then per year three matrix products
(yes.yes + abstain.abstain + no.no for the agreements, cast.cast for n).

Usage: allpairs.py [--data DIR] [--csv FILE]
  --data DIR  the unvotes folder (default: ../shared/data/unvotes next to
              the repository)
  --csv FILE  also write a,b,period,metric,agreement,n rows (ISO3 codes
              from country_codes.csv), to compare with Plenary's output

It runs with Debian's python3 (/usr/bin/python3, packages python3-pandas
and python3-numpy).
"""

import argparse
import os
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.exit(f"allpairs.py: {e}; run it with /usr/bin/python3 (apt-get install python3-pandas)")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "unvotes"))
CODES = {"yes": 1, "abstain": 2, "no": 3}


def load(data):
    """Reads the votes into a dense int8 matrix: rows are roll calls, columns
    countries; 0 = no vote row."""
    votes = pd.read_csv(os.path.join(data, "votes.csv"), keep_default_na=False,
                        dtype={"rcid": "int32", "country": "string", "country_code": "string", "vote": "string"})
    calls = pd.read_csv(os.path.join(data, "roll_calls.csv"), usecols=["rcid", "date"], keep_default_na=False)
    codes = pd.read_csv(os.path.join(data, "country_codes.csv"), keep_default_na=False)
    # Three historical states have no code; their names are unique.
    key = votes["country_code"].where(votes["country_code"] != "", votes["country"])
    iso3 = dict(zip(codes["country_code"].where(codes["country_code"] != "", codes["country"]), codes["iso3"]))
    calls = calls.sort_values(["date", "rcid"]).reset_index(drop=True)
    row = pd.Series(np.arange(len(calls)), index=calls["rcid"].to_numpy())
    countries, col = np.unique(key.to_numpy(dtype=str), return_inverse=True)
    m = np.zeros((len(calls), len(countries)), dtype=np.int8)
    m[row.loc[votes["rcid"].to_numpy()].to_numpy(), col] = votes["vote"].map(CODES).to_numpy(dtype=np.int8)
    years = calls["date"].str.slice(0, 4).astype(int).to_numpy()
    names = [iso3.get(c) or c for c in countries]
    return m, years, names


def all_pairs_per_year(m, years):
    """Yields (year, agree, n): k x k matrices of identical votes and of roll
    calls where both voted, for each year."""
    for y in np.unique(years):
        sub = m[years == y]
        yes = (sub == 1).astype(np.float32)
        abst = (sub == 2).astype(np.float32)
        no = (sub == 3).astype(np.float32)
        cast = yes + abst + no
        same = yes.T @ yes + abst.T @ abst + no.T @ no
        n = cast.T @ cast
        yield int(y), same, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--csv")
    args = ap.parse_args()

    start = time.perf_counter()
    m, years, names = load(args.data)
    loaded = time.perf_counter()
    rows = 0
    out = open(args.csv, "w") if args.csv else None
    if out:
        out.write("a,b,period,metric,agreement,n\n")
    iu = np.triu_indices(len(names), k=1)
    for year, same, n in all_pairs_per_year(m, years):
        s, c = same[iu], n[iu]
        keep = c > 0
        rows += int(keep.sum())
        if out:
            for i, j, a, k in zip(iu[0][keep], iu[1][keep], (s[keep] / c[keep]).tolist(), c[keep].astype(int).tolist()):
                out.write(f"{names[i]},{names[j]},{year},identical,{a!r},{k}\n")
    if out:
        out.close()
    done = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"allpairs.py: {m.shape[0]} roll calls, {m.shape[1]} countries, {rows} pair-years; "
          f"load {loaded - start:.3f} s, compute {done - loaded:.3f} s, elapsed {done - start:.3f} s; peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
