"""How fast does the command line answer?  Run on purpose, not by pytest:

    .venv/bin/python tests/benchmarks/bench_cli.py [--runs 7]

Prints the median wall time of ``workbook --help`` and of ``workbook X --help`` for every
subcommand, against ``python -c pass`` (the interpreter's own start).
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from workbook.cli import COMMANDS

WORKBOOK = Path(sys.executable).with_name("workbook")


def median_seconds(command, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    rows = [("python -c pass", [sys.executable, "-c", "pass"])]
    rows.append(("workbook --help", [str(WORKBOOK), "--help"]))
    rows += [(f"workbook {c.name} --help", [str(WORKBOOK), c.name, "--help"]) for c in COMMANDS]
    for label, command in rows:
        print(f"{label:<28} {median_seconds(command, runs) * 1000:7.0f} ms (median of {runs})")


if __name__ == "__main__":
    main()
