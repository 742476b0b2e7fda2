"""``workbook grade``: collect, autograde, then grades, feedback and report in one go.

``workbook grade submissions/*.zip --out results/`` imports the submissions into the course
(``--course``, default ``build/course``), grades them all in parallel and sandboxed, and
writes into ``--out``: ``grades.csv``, ``report.html`` and ``feedback/`` (one HTML page per
candidate and notebook, for candidates with nothing left to grade by hand). The course
remembers ``--out``: after grading prose answers in formgrader, ``workbook finish`` writes the
final results there. Problems with single submissions are reported and the rest go on.
"""

from workbook.course import Course
from workbook.isolation.limits import Limits
from workbook.pipeline import autograde, collect
from workbook.pipeline.finish import remember_results, results_folder, write_results


def grade(course, paths, out, **options):
    """Run the whole pipeline; return ``(collected, outcomes, written)``: ``written`` has the
    paths (``feedback``, ``grades``, ``report``) and the ``summary`` lines to print."""
    if options.get("sandbox", True):
        # Refuse before importing anything; on a cluster, the workers check their own sandbox.
        autograde.resolve_sandbox(True, here=options.get("scheduler") is None)
    collected = collect.collect(course, paths)
    outcomes = autograde.autograde(course, students=list(collected.imported), **options)
    remember_results(course, out)
    results = write_results(course, out)
    written = {"feedback": results.feedback, "grades": results.grades, "report": results.report}
    return collected, outcomes, {**written, "summary": results.summary()}


def run(args):
    course = Course(args.course)
    out = args.out or results_folder(course)
    collected, outcomes, written = grade(
        course,
        args.paths,
        out,
        workers=args.workers,
        limits=Limits.from_arguments(args),
        sandbox=args.sandbox,
        hide=args.hide,
        scheduler=args.scheduler,
    )
    collect.report(collected)
    status = autograde.summarise(outcomes)
    print("\n".join(written["summary"]))
    return 1 if collected.problems or status else 0
