"""Benchmark: ``workbook autograde`` at several class sizes, against a plain loop of
``nbgrader autograde --student X``, and on a Dask cluster (``--scheduler``).

Not a test (pytest does not collect it); run it on purpose:

    .venv/bin/python tests/benchmarks/bench_grading.py [--counts 1,10,100] [--workers N]
        [--notebooks GLOB] [--skip-plain] [--scheduler start|tcp://HOST:8786] [--json]

For each count it releases the notebooks (``--notebooks``, e.g. "0[02-5]_*.ipynb"; default
all) into a fresh scratch course, hands in that many synthetic submissions (instructor and
candidate versions, alternately) and times ``workbook autograde --workers N``. A submission
is one job on one worker, so a run of ``n`` candidates and ``k`` notebooks is modelled as

    wall = fixed + k * n / min(n, workers) * per_notebook

and fitted (least squares) over the counts: ``fixed`` is what a run pays once (course and
database templates, worker processes, zygotes, imports), ``per_notebook`` the wall time of
one notebook on one worker; the overhead is ``per_notebook`` minus the time the notebook's
cells take in an already running kernel. The plain nbgrader loop runs at the count nearest
10 (``--skip-plain`` leaves it out).

``--scheduler`` grades the largest count's submissions again, twice, each in a fresh course,
through a Dask cluster: first with cold workers, then with warm ones (imports done, grading
processes and zygotes up), as a long-lived cluster's are. ``start`` starts ``dask scheduler``
and ``--workers`` ``dask worker`` processes here on 127.0.0.1 (the same cores as the local
run: the difference is Dask's overhead per notebook); an address uses a running cluster. It
also times no-op tasks through the scheduler, and projects the throughput of N grading
machines of ``--workers`` worker processes each from the warm run:
``min(N * workers / task seconds, 1 / scheduler seconds per task)``.

The load average is printed with every figure: on a shared machine the figures move with it.
``--json`` adds one line ``{"bench_grading": {...}}`` with everything, for tools.
"""

import argparse
import json
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

sys.path.insert(0, str(Path(__file__).parents[1] / "support"))
from dask_cluster import DaskCluster  # noqa: E402

CONFIG = """exec(open({config!r}).read())
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = "sqlite:///{root}/gradebook.db"
"""
MACHINES = (1, 2, 4, 8, 16, 32, 64)
NOOP_TASKS = 200


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


def ours(course, *options):
    """Seconds ``workbook autograde`` takes on ``course`` with ``options``."""
    started = time.perf_counter()
    run = subprocess.run(
        [str(Path(sys.executable).parent / "workbook"), "autograde"]
        + ["--course", str(course.root), *options],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-4000:], file=sys.stderr)
    return elapsed


def checked(course, students):
    """The first two students' total points: instructor full, candidate version 0."""
    totals = {}
    for student in students[:2]:
        graded = gradebook.scores(course.db_url, course.assignment, student)
        totals[student] = sum(score for grades in graded.values() for score, _ in grades.values())
    return totals


def fit(runs, workers):
    """Least squares of ``wall = fixed + x * per_notebook``, x = notebooks per busy worker."""
    points = [(r["notebooks"] / min(r["students"], workers), r["seconds"]) for r in runs]
    if len(points) < 2:
        return None, None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if not spread:
        return None, None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


def noop(payload):
    return len(payload)


def scheduler_seconds_per_task(address, size):
    """Wall seconds per no-op task carrying ``size`` bytes, ``NOOP_TASKS`` through ``address``."""
    from distributed import Client, wait

    with Client(address, timeout=30) as client:
        payloads = [os.urandom(size) for _ in range(NOOP_TASKS)]
        started = time.perf_counter()
        wait([client.submit(noop, payload, pure=False) for payload in payloads])
        return (time.perf_counter() - started) / NOOP_TASKS


def on_dask(args, scratch, count):
    """Grade ``count`` submissions on the cluster twice, each time in a fresh course: first
    with cold workers (imports, grading processes, zygotes), then warm, as a long-lived
    cluster runs. Return the figures of both."""
    cluster = None
    address = args.scheduler
    if address == "start":
        (scratch / "dask-logs").mkdir()
        cluster = DaskCluster(scratch / "dask-logs", workers=args.workers)
        address = cluster.address
    try:
        figures = {}
        for run in ("cold", "warm"):
            course, released = build(scratch / f"dask-{run}", count, args.notebooks)
            load = os.getloadavg()
            seconds = ours(course, "--scheduler", address)
            figures[run] = {
                "students": count,
                "notebooks": len(released) * count,
                "seconds": seconds,
                "task_seconds": seconds * args.workers / count,
                "load": load,
                "check": checked(course, [f"s{i:02d}" for i in range(count)]),
            }
        submitted = course.folder("submitted").rglob("*")
        size = sum(path.stat().st_size for path in submitted if path.is_file()) // count
        figures["scheduler_seconds_per_task"] = scheduler_seconds_per_task(address, size)
        return figures
    finally:
        if cluster is not None:
            cluster.stop()
            cluster.remove()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,10", help="class sizes, e.g. 1,10,100 (1,10)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-plain", action="store_true", help="no plain nbgrader loop")
    parser.add_argument("--notebooks", default="*.ipynb", help="which notebooks (a glob)")
    parser.add_argument("--scheduler", help="'start' (a Dask cluster here) or tcp://HOST:8786")
    parser.add_argument("--json", action="store_true", help="one JSON line with every figure")
    args = parser.parse_args(argv)
    counts = sorted({int(count) for count in args.counts.split(",")})
    scratch = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    figures = {"workers": args.workers, "counts": counts, "runs": []}
    try:
        released = sorted(NOTEBOOKS_DIR.glob(args.notebooks))
        pure = [statistics.median(retried(cells_only, path) for _ in range(3)) for path in released]
        figures["cells_only"] = dict(zip((p.stem for p in released), pure, strict=True))
        mean_pure = statistics.fmean(pure)
        print(f"notebooks: {[p.stem for p in released]}")
        print(f"cells only, per notebook (warm kernel, median of 3): {mean_pure:.2f} s on average")
        for count in counts:
            course, _ = build(scratch / f"c{count}", count, args.notebooks)
            load = os.getloadavg()
            seconds = ours(course, "--workers", str(args.workers))
            students = [f"s{i:02d}" for i in range(count)]
            run = {"students": count, "notebooks": len(released) * count, "seconds": seconds}
            run |= {"load": load, "check": checked(course, students)}
            figures["runs"].append(run)
            rate = run["notebooks"] / seconds * 60
            print(
                f"{count} candidate(s), {run['notebooks']} notebooks: {seconds:.1f} s, "
                f"{rate:.1f} notebooks/min (load {load[0]:.1f}); check {run['check']}"
            )
            if not args.skip_plain and count == min(counts, key=lambda c: abs(c - 10)):
                plain = plain_loop(course, students)
                figures["plain"] = {"students": count, "seconds": plain}
                print(f"  plain nbgrader loop: {plain:.1f} s; ratio {plain / seconds:.2f}x")
            shutil.rmtree(scratch / f"c{count}", ignore_errors=True)
        fixed, per_notebook = fit(figures["runs"], args.workers)
        if fixed is not None:
            figures |= {"fixed_seconds": fixed, "overhead_per_notebook": per_notebook - mean_pure}
            print(
                f"fixed start-up {fixed:.2f} s per run; per notebook {per_notebook:.2f} s on a "
                f"worker, of which overhead {per_notebook - mean_pure:.2f} s"
            )
        if args.scheduler:
            dask = on_dask(args, scratch, counts[-1])
            local = figures["runs"][-1]
            per_task = dask["scheduler_seconds_per_task"]
            for run in ("cold", "warm"):
                figures_run = dask[run]
                figures_run["overhead_per_notebook"] = (
                    (figures_run["seconds"] - local["seconds"]) * args.workers / local["notebooks"]
                )
                print(
                    f"Dask ({run} workers), {figures_run['students']} candidate(s): "
                    f"{figures_run['seconds']:.1f} s against {local['seconds']:.1f} s local "
                    f"(load {figures_run['load'][0]:.1f}): "
                    f"{figures_run['overhead_per_notebook']:+.2f} s per notebook; "
                    f"check {figures_run['check']}"
                )
            figures["dask"] = dask
            notebooks_per_task = local["notebooks"] / local["students"]
            print(
                f"scheduler: {per_task * 1000:.1f} ms per task "
                f"({per_task / notebooks_per_task * 1000:.1f} ms per notebook)"
            )
            per_machine = args.workers / dask["warm"]["task_seconds"]  # submissions per second
            figures["projection"] = {}
            print(f"projected from the warm run, machines of {args.workers} worker processes:")
            for machines in MACHINES:
                per_minute = min(machines * per_machine, 1 / per_task) * notebooks_per_task * 60
                figures["projection"][machines] = per_minute
                print(f"  {machines:>3} machine(s): {per_minute:,.0f} notebooks/min")
        figures["load_after"] = os.getloadavg()
        print(f"load average after: {figures['load_after']}")
        if args.json:
            print(json.dumps({"bench_grading": figures}))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
