"""What does the workshop's live view cost per refresh?  Run on purpose, not by pytest:

    .venv/bin/python tests/benchmarks/bench_room.py [--participants 30] [--workers 2]

A hub folder handing out the whole workbook, with ``--participants`` simulated participants
who each fetched every notebook and wrote their own answer to the first task of notebook 00
(a third right, a third wrong, a third a stub with a note: every copy of 00 differs, the
other notebooks are untouched). Prints the wall time of the first refresh (each distinct
notebook checked once in the sandbox), of a refresh when nothing changed (one ``stat`` per
notebook) and of a refresh after one participant saved one notebook.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "workshop"))
from hubtools import NOTEBOOK, TASK, WRONG, answer, right_answer  # noqa: E402
from workbook.workshop.folder import HubFolder  # noqa: E402
from workbook.workshop.hub import prepare  # noqa: E402
from workbook.workshop.live import Room  # noqa: E402


def timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-room-") as folder:
        hub = HubFolder(folder)
        prepare(hub)
        release = hub.course / "release" / "workbook"
        answers = [right_answer(), WRONG.read_text(), None]
        for index in range(args.participants):
            home = hub.home(f"p{index:02d}") / "workbook"
            home.mkdir(parents=True)
            for path in release.glob("*.ipynb"):
                notebook = nbformat.read(path, as_version=4)
                if path.name == NOTEBOOK:
                    mine = answers[index % 3] or "raise NotImplementedError()"
                    answer(notebook, TASK, f"{mine}\n# participant {index}\n")
                nbformat.write(notebook, home / path.name)
        room = Room(hub, workers=args.workers)
        cold, checked = timed(room.refresh)
        watched = len(list(hub.homes.glob("*/workbook/*.ipynb")))
        print(f"first refresh: {checked} distinct of {watched} notebooks run, {cold:.1f} s")
        idle, checked = timed(room.refresh)
        print(f"refresh, nothing changed ({checked} run): {idle * 1000:.1f} ms")
        saved = hub.home("p01") / "workbook" / NOTEBOOK
        notebook = answer(nbformat.read(saved, as_version=4), TASK, right_answer())
        nbformat.write(notebook, saved)
        os.utime(saved, (1, 1))  # a new modification time, whatever the clock's resolution
        one, checked = timed(room.refresh)
        print(f"refresh after one participant saved ({checked} run): {one:.1f} s")
        shot = room.snapshot()
        print(f"page: {sum(shot.count(c.id) for c in shot.columns)} passes shown")
        room.close()


if __name__ == "__main__":
    main()
