"""`make bench`: run every `benchmarks/bench_<area>.py` and write `benchmarks/results/<area>.md`.

Each module exposes `run() -> list[dict]`: one dict per table row, every figure measured in the
same process against its baseline (a ratio, not an absolute time). Areas can be picked by name:

    python -m benchmarks.run_all            # every area
    python -m benchmarks.run_all reading    # only bench_reading
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def discover() -> list[str]:
    return sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))


def markdown_table(rows: list[dict]) -> str:
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |")
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def write_result(area: str, rows: list[dict], seconds: float) -> Path:
    RESULTS.mkdir(exist_ok=True)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (f"# Benchmark: {area}\n\n`python -m benchmarks.run_all {area}` on {when}; "
              f"{os.cpu_count()} CPU cores, Python {platform.python_version()}, took {seconds:.0f} s.\n\n")
    path = RESULTS / f"{area}.md"
    path.write_text(header + markdown_table(rows) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="areas to run (default: all)")
    args = parser.parse_args(argv)
    areas = args.areas or discover()
    failed = 0
    for area in areas:
        print(f"== {area}", flush=True)
        start = time.perf_counter()
        try:
            rows = importlib.import_module(f"benchmarks.bench_{area}").run()
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            failed += 1
            continue
        path = write_result(area, rows, time.perf_counter() - start)
        print(markdown_table(rows))
        print(f"-> {path.relative_to(HERE.parent)}\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
