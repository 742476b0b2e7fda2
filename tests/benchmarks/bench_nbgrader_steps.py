"""Is ``workbook`` as quick as plain nbgrader on a small assignment?  Run on purpose:

    .venv/bin/python tests/benchmarks/bench_nbgrader_steps.py [--runs 3] [--students 3]

One small nbgrader assignment (one solution cell, one test cell with a hidden test, no Django)
is released and graded for a few students (the reference, the stub and a wrong answer), twice
per run, interleaved so both see the same machine:

- plain nbgrader, the commands a grader types: ``nbgrader generate_assignment``, the submissions
  copied into ``submitted/``, ``nbgrader autograde``, ``nbgrader export`` and
  ``nbgrader generate_feedback`` (unsandboxed, one kernel after another);
- the workbook: ``workbook release --source`` and ``workbook grade`` (collect, sandboxed
  parallel autograde, feedback, grades.csv and the report).

Prints the median of each step and of the totals, their ratio, the load average, and checks
that both gave the same scores.
"""

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parents[1] / "support"))
from small_assignment import SOLUTION, means_notebook  # noqa: E402

BIN = Path(sys.executable).parent
ASSIGNMENT = "means"
WRONG = "def mean(values):\n    return sum(values) // len(values)\n"


def make_inputs(root, students):
    """Write the source folder and one submission folder per student; return both."""
    source = root / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    nbformat.write(means_notebook(), source / f"{ASSIGNMENT}.ipynb")
    submissions = root / "submissions"
    for index in range(students):
        notebook = means_notebook()
        notebook.cells[1].source = [
            SOLUTION,
            "# YOUR CODE HERE\nraise NotImplementedError()",
            WRONG,
        ][index % 3]
        folder = submissions / f"student-{index}"
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    return source, submissions


def timed(command, cwd):
    """Run ``command`` as a grader with the environment activated would; return its seconds."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stdout}{run.stderr}")
    return seconds


def plain_nbgrader(root, source, submissions):
    """The steps as plain nbgrader commands; return ``({step: seconds}, scores)``."""
    course = root / "plain"
    shutil.copytree(source, course / "source" / ASSIGNMENT)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'bench'\n"
    )
    nbgrader = str(BIN / "nbgrader")
    steps = {"release": timed([nbgrader, "generate_assignment", ASSIGNMENT, "--force"], course)}
    started = time.perf_counter()
    for folder in sorted(submissions.iterdir()):
        shutil.copytree(folder, course / "submitted" / folder.name / ASSIGNMENT)
    grading = time.perf_counter() - started
    grading += timed([nbgrader, "autograde", ASSIGNMENT], course)
    grading += timed([nbgrader, "export", "--to", "grades.csv"], course)
    grading += timed([nbgrader, "generate_feedback", ASSIGNMENT], course)
    steps["grade"] = grading
    with open(course / "grades.csv") as rows:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(rows)}
    return steps, scores


def workbook(root, source, submissions):
    """The same steps as two ``workbook`` commands; return ``({step: seconds}, scores)``."""
    out = root / "workbook"
    command = str(BIN / "workbook")
    steps = {
        "release": timed([command, "release", "--source", str(source), "--out", str(out)], root)
    }
    paths = [str(path) for path in sorted(submissions.iterdir())]
    steps["grade"] = timed(
        [command, "grade", *paths, "--out", str(out / "results"), "--course", str(out / "course")],
        root,
    )
    with open(out / "results" / "grades.csv") as rows:
        scores = {
            row["student"]: float(row["total"])
            for row in csv.DictReader(rows)
            if not row["student"].startswith("(")  # the "(max score)" row
        }
    return steps, scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--students", type=int, default=3)
    args = parser.parse_args()
    times = {"nbgrader": [], "workbook": []}
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="bench-steps-") as folder:
            root = Path(folder)
            source, submissions = make_inputs(root, args.students)
            order = [("nbgrader", plain_nbgrader), ("workbook", workbook)]
            results = {}
            for name, steps_of in order if run % 2 == 0 else reversed(order):
                results[name] = steps_of(root, source, submissions)
                times[name].append(results[name][0])
            if results["nbgrader"][1] != results["workbook"][1]:
                sys.exit(f"scores differ: {results['nbgrader'][1]} vs {results['workbook'][1]}")
    print(f"{args.students} students, {args.runs} runs, load average {os.getloadavg()[0]:.2f}")
    medians = {}
    for name, runs in times.items():
        medians[name] = {step: statistics.median(r[step] for r in runs) for step in runs[0]}
        medians[name]["total"] = statistics.median(sum(r.values()) for r in runs)
        print(f"{name:<9}", "  ".join(f"{s} {v:6.2f} s" for s, v in medians[name].items()))
    for step in medians["workbook"]:
        ratio = medians["workbook"][step] / medians["nbgrader"][step]
        print(f"workbook/nbgrader {step:<8} {ratio:.2f}")


if __name__ == "__main__":
    main()
