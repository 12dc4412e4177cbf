"""Time to first results and to the final ranking on two built sites, in one run.

    python3 bench/search_ab.py SITE_BEFORE SITE_AFTER [--rounds N]

Every query of the query files runs on a fresh page of each site in turn (the order
alternates), on one Chromium, so both sides share whatever load the machine has; prints
medians and the 90th percentile per side.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from venv_reexec import reexec_in_venv  # bench/: the script's own folder

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent / "tests"))
    import search_bench as sb
    from browser import chromium, serve_dir

    queries = [q for f in sb.default_query_files() for q in sb.read_queries(f)]
    times: dict[str, list[float]] = {}
    with (
        serve_dir(args.before) as before,
        serve_dir(args.after) as after,
        chromium(locale="zh-CN") as context,
    ):
        for round_ in range(args.rounds):
            for i, query in enumerate(queries):
                sides = [("before", before), ("after", after)]
                for name, url in sides if (i + round_) % 2 == 0 else sides[::-1]:
                    outcome = sb.run_query(context, url, query, 300)
                    for what, ms in (("first", outcome.first_ms), ("final", outcome.final_ms)):
                        if ms is not None:
                            times.setdefault(f"{name} {what}", []).append(ms)
    for key, values in times.items():
        p90 = sorted(values)[int(len(values) * 0.9)]
        print(
            f"{key:13} n={len(values):3}  median {statistics.median(values):5.0f} ms  p90 {p90:5.0f} ms"
        )
    return 0


if __name__ == "__main__":
    reexec_in_venv(__file__)
    sys.exit(main())
