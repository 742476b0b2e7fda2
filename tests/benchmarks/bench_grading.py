"""Benchmark: ``workbook autograde`` against a plain loop of ``nbgrader autograde --student X``.

Not a test (pytest does not collect it); run it on purpose:

    .venv/bin/python tests/benchmarks/bench_grading.py [--students 20] [--workers N]
        [--notebooks GLOB]   (e.g. "0[02-5]_*.ipynb": a subset of the workbook)

It releases every notebook in ``notebooks/`` into a scratch course, hands in ``--students``
synthetic submissions of the whole workbook (instructor and candidate versions,
alternately), then grades them twice: once with a plain shell-style loop of ``nbgrader
autograde`` (one process per student, nbgrader's own Execute, no sandbox), once with
``workbook autograde`` (parallel workers, kernels forked by a zygote in a bwrap sandbox,
guard). It prints notebooks per minute for both, the ratio, and the per-notebook overhead:
wall time per notebook per worker minus the time the notebook's cells take in an already
running kernel. The load average is printed too: on a shared machine the figures move with
it.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from workbook.course import Course
from workbook.paths import GRADING_DIR, NOTEBOOKS_DIR
from workbook.pipeline import gradebook

CONFIG = """exec(open({config!r}).read())
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = "sqlite:///{root}/gradebook.db"
"""


def build(root, students, pattern="*.ipynb"):
    course = Course(root)
    course.add_sources(sorted(NOTEBOOKS_DIR.glob(pattern)))
    released = course.generate()
    for index in range(students):
        version = NOTEBOOKS_DIR if index % 2 == 0 else course.folder("release")
        course.submit(
            f"s{index:02d}",
            {path.name: nbformat.read(version / path.name, as_version=4) for path in released},
        )
    (Path(root) / "nbgrader_config.py").write_text(
        CONFIG.format(config=str(GRADING_DIR / "nbgrader_config.py"), root=str(root))
    )
    return course, released


def retried(function, *args, attempts=3, **kwargs):
    """Call ``function``; retry on failure (TCP kernels lose port races on a busy machine)."""
    for attempt in range(attempts):
        try:
            return function(*args, **kwargs)
        except Exception:
            if attempt == attempts - 1:
                raise


def cells_only(path):
    """Seconds the notebook's cells take once its kernel is up (the work that must be done)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name="django-workbook", timeout=300)
    with client.setup_kernel():
        started = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        return time.perf_counter() - started


def plain_loop(course, students):
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    started = time.perf_counter()
    command = [str(bin_dir / "nbgrader"), "autograde", course.assignment, "--force"]
    for student in students:
        retried(
            subprocess.run,
            [*command, "--student", student],
            cwd=course.root,
            env=env,
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - started


def ours(course, workers):
    started = time.perf_counter()
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "workbook"),
            "autograde",
            "--course",
            str(course.root),
            "--workers",
            str(workers),
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-4000:], file=sys.stderr)
    return elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-plain", action="store_true", help="only time workbook autograde")
    parser.add_argument("--notebooks", default="*.ipynb", help="which notebooks (a glob)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        course, released = build(scratch / "course", args.students, args.notebooks)
        students = [f"s{index:02d}" for index in range(args.students)]
        notebooks = len(released) * len(students)
        pure = [
            statistics.median(retried(cells_only, NOTEBOOKS_DIR / path.name) for _ in range(3))
            for path in released
        ]
        print(f"notebooks: {[p.stem for p in released]}; submissions: {len(students)}")
        print(f"load average before: {os.getloadavg()}")
        rounded = [round(seconds, 2) for seconds in pure]
        print(f"cells only, per notebook (warm kernel, median of 3): {rounded} s")
        ours_seconds = ours(course, args.workers)
        for student in students[:2]:
            graded = gradebook.scores(course.db_url, course.assignment, student)
            total = sum(score for grades in graded.values() for score, _ in grades.values())
            print(f"check: {student} ({'instructor' if student == 's00' else 'candidate'}) {total}")
        ours_rate = notebooks / ours_seconds * 60
        overhead = ours_seconds * args.workers / notebooks - sum(pure) / len(pure)
        print(
            f"workbook autograde --workers {args.workers}: {ours_seconds:.1f} s, "
            f"{ours_rate:.1f} notebooks/min, overhead {overhead:.2f} s per notebook"
        )
        if not args.skip_plain:
            plain_seconds = plain_loop(course, students)
            plain_rate = notebooks / plain_seconds * 60
            plain_overhead = plain_seconds / notebooks - sum(pure) / len(pure)
            print(
                f"plain nbgrader loop: {plain_seconds:.1f} s, {plain_rate:.1f} notebooks/min, "
                f"overhead {plain_overhead:.2f} s per notebook"
            )
            print(f"ratio: {ours_rate / plain_rate:.2f}x")
        print(f"load average after: {os.getloadavg()}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
