"""``workbook grade``: collect, autograde, feedback, export and report in one go.

``workbook grade submissions/*.zip --out results/`` imports the submissions into the course
(``--course``, default ``build/course``), grades them all in parallel and sandboxed, and
writes into ``--out``: ``feedback/`` (one HTML file per candidate), ``grades.csv`` and
``report.html``. Problems with single submissions are reported and the rest go on.
"""

import sys
from pathlib import Path

from workbook.course import Course
from workbook.isolation.limits import Limits
from workbook.pipeline import autograde, collect


def grade(course, paths, out, **options):
    """Run the whole pipeline; return ``(collected, outcomes, written paths)``."""
    from workbook.pipeline.export import write_grades_csv
    from workbook.pipeline.feedback import write_feedback
    from workbook.review.report import write_report

    if options.get("sandbox", True):
        autograde.resolve_sandbox(True)  # refuse before importing anything
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    collected = collect.collect(course, paths)
    outcomes = autograde.autograde(course, students=list(collected.imported), **options)
    written = {
        "feedback": write_feedback(course, out / "feedback"),
        "grades": write_grades_csv(course, out / "grades.csv"),
        "report": write_report(course, out / "report.html"),
    }
    return collected, outcomes, written


def run(args):
    course = Course(args.course)
    collected, outcomes, written = grade(
        course,
        args.paths,
        args.out,
        workers=args.workers,
        limits=Limits.from_arguments(args),
        sandbox=args.sandbox,
        hide=args.hide,
        scheduler=args.scheduler,
    )
    collect.report(collected)
    status = autograde.summarise(outcomes)
    print(f"Feedback: {args.out / 'feedback'} ({len(written['feedback'])} file(s))")
    print(f"Grades: {written['grades']}")
    print(f"Report: {written['report']}", file=sys.stdout)
    return 1 if collected.problems or status else 0
