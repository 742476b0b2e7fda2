"""``workbook finish``: the second pass, once prose answers are graded by hand.

``workbook grade --out DIR`` grades what a machine can and remembers ``DIR`` for the course
(``<course>/results-folder.txt``). A person then grades the prose answers in formgrader
(``workbook lab --instructor``), and ``workbook finish`` writes ``grades.csv``, the feedback
pages and ``report.html`` again into that same folder, with their grades in. ``export``,
``feedback`` and ``report`` on their own write there too unless given ``--out``.

Feedback waits for the person: a candidate with an answer still to grade by hand gets no
feedback page yet (an old one is removed), so no page with a provisional score goes out.
Prose answers left blank get 0 without anyone opening them (``gradebook.score_blank_answers``).
"""

from dataclasses import dataclass, field
from pathlib import Path

from workbook.errors import CommandError
from workbook.paths import DEFAULT_COURSE
from workbook.pipeline.export import open_course, read_scores, write_grades_csv
from workbook.pipeline.feedback import write_feedback
from workbook.pipeline.gradebook import score_blank_answers

RESULTS_FILE = "results-folder.txt"


def remember_results(course, out):
    """Record ``out`` as the folder where ``course``'s results go."""
    (course.root / RESULTS_FILE).write_text(str(Path(out).resolve()) + "\n", encoding="utf-8")


def results_folder(course):
    """Return the folder ``workbook grade --out`` used for ``course``, else ``<course>/results``."""
    remembered = course.root / RESULTS_FILE
    if remembered.is_file():
        text = remembered.read_text(encoding="utf-8").strip()
        if text:
            return Path(text)
    return course.root / "results"


def _names(students, shown=8):
    """``a, b, c`` or ``a, b, … and 7 more``."""
    rest = len(students) - shown
    return ", ".join(students[:shown]) + (f" and {rest} more" if rest > 0 else "")


@dataclass
class Results:
    course: Path  # the course folder
    folder: Path
    grades: Path
    report: Path
    feedback: list  # pages written
    held_back: list  # candidates whose feedback waits for grading by hand
    awaiting: int  # answers still to grade by hand
    blanks: dict = field(default_factory=dict)  # student -> [(notebook, grade_id)] scored 0

    def summary(self):
        """Return the lines that say what was written and what still awaits a person."""
        blank = sum(len(cells) for cells in self.blanks.values())
        lines = [
            f"Grades: {self.grades}",
            f"Report: {self.report}",
            f"Feedback: {self.folder / 'feedback'} ({len(self.feedback)} page(s))",
        ]
        if blank:
            lines.append(
                f"{blank} blank prose answer(s) scored 0, not to grade by hand "
                f"({_names(sorted(self.blanks))})."
            )
        if self.awaiting:
            course = "" if self.course == DEFAULT_COURSE else f" --course {self.course}"
            lines += [
                f"{self.awaiting} answer(s) of {len(self.held_back)} candidate(s) await grading "
                "by hand; their feedback waits for it.",
                f"Open `workbook lab --instructor{course}` → Formgrader → Manual Grading, then "
                f"run `workbook finish{course}`.",
            ]
        else:
            lines.append("Nothing awaits grading by hand: these results are complete.")
        return lines


def write_results(course, out=None):
    """Score blank prose answers 0, then write grades, feedback and report into ``out``
    (default: the course's remembered results folder); return the ``Results``."""
    folder = Path(out) if out is not None else results_folder(course)
    blanks = score_blank_answers(course)
    scores = read_scores(course)
    held_back = sorted(row.student for row in scores.students if row.awaiting)
    ready = [s for s in course.students("autograded") if s not in held_back]
    from workbook.review.report import write_report  # matplotlib: only when writing

    return Results(
        course=course.root,
        folder=folder,
        grades=write_grades_csv(course, folder / "grades.csv"),
        report=write_report(course, folder / "report.html"),
        feedback=write_feedback(course, folder / "feedback", students=ready, withheld=held_back),
        held_back=held_back,
        awaiting=sum(row.awaiting for row in scores.students),
        blanks=blanks,
    )


def run(args):
    course = open_course(args.course)
    if not course.students("autograded"):
        raise CommandError(f"Nothing is graded in {course.root} yet: run `workbook grade` first.")
    results = write_results(course, args.out)
    if args.out is not None:
        remember_results(course, args.out)
    print("\n".join(results.summary()))
    return 0
