"""``workbook report``: one self-contained ``report.html`` for the grader.

It holds the scores per candidate, a plot of each question's score distribution (PNG images
embedded as base64: the file needs nothing else), tampering findings (``workbook.review.tamper``),
pairs of suspiciously similar answers (``workbook.review.similarity``) and the grading notes the
autograde step left in ``<course>/grading_notes.json``
(``{"<student>": [{"notebook": "<name>", "note": "<text>"}]}``). The page is
``templates/report.html.j2``, rendered by Jinja2 with autoescaping: every piece of candidate
content is escaped, as submissions are untrusted. Plots are titled with each task's title (the
heading above it in the notebook), not its grade id.
"""

import base64
import io
import re
import textwrap
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import jinja2
import nbformat
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbook.candidate.hints import HEADING
from workbook.candidate.hints import title as task_title
from workbook.notebook import TEST_SUFFIX, nbgrader, tasks
from workbook.pipeline.export import number, open_course, read_scores
from workbook.review import notes as grading_notes
from workbook.review import similarity, tamper

MAX_SNIPPET = 4000  # characters of an answer shown beside its look-alike
TEMPLATES = Path(__file__).resolve().parent / "templates"
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def score_plot(values, max_score, title):
    """Return a bar chart of how many candidates got each score, as a base64 PNG."""
    graded = [value for value in values if value is not None]
    figure = Figure(figsize=(3.6, 2.3), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    distinct = sorted(set(graded))
    if len(distinct) <= 12:
        positions = sorted(set(distinct) | {0.0, float(max_score)})
        counts = [graded.count(value) for value in positions]
        width = max(max_score, 1) / max(len(positions) * 1.6, 4)
        axes.bar(positions, counts, width=width, color="#4c72b0")
        axes.set_xticks(positions, [number(value) for value in positions])
    else:
        axes.hist(graded, bins=10, range=(0, max_score or 1), color="#4c72b0")
    if not graded:
        axes.text(
            0.5,
            0.5,
            "nothing graded yet",
            ha="center",
            va="center",
            transform=axes.transAxes,
            fontsize=8,
            color="#666",
        )
    axes.set_ylim(bottom=0, top=max(axes.get_ylim()[1], 1))
    axes.set_title(textwrap.fill(title, 48), fontsize=9)
    axes.set_xlabel("score", fontsize=8)
    axes.set_ylabel("candidates", fontsize=8)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _plain(markdown):
    """A heading as plain text for a plot title: no markdown marks, no mathtext."""
    text = re.sub(r"[`*_]", "", markdown).replace("$", r"\$")
    return textwrap.shorten(text, width=80, placeholder="…")


def question_titles(course):
    """Return ``{(notebook, grade_id): title}``: a test cell gets its task's heading, a prose
    question the heading it opens with; the grade id where a notebook has none."""
    titles = {}
    for path in sorted(course.folder("source").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        try:
            found = tasks(notebook)
        except ValueError:
            found = []
        for task in found:
            titles[(path.stem, task.test_id)] = _plain(task_title(notebook, task, found))
        for cell in notebook.cells:
            meta = nbgrader(cell)
            if meta.get("task") and (heading := HEADING.search(cell.source)):
                titles[(path.stem, meta["grade_id"])] = _plain(heading.group(1))
    return titles


def _badges(student, findings, pairs, notes):
    badges = []
    tampering = [f for f in findings.get(student, []) if f.is_tampering]
    if tampering:
        badges.append({"cls": "bad", "text": f"tampering ({len(tampering)})"})
    for pair in pairs:
        if student in (pair.a, pair.b):
            other = pair.b if student == pair.a else pair.a
            badges.append({"cls": "warn", "text": f"similar to {other} ({pair.score:.0%})"})
    if notes.get(student):
        badges.append({"cls": "note", "text": f"notes ({len(notes[student])})"})
    return badges


def _rows(scores, students, findings, pairs, notes):
    by_id = {row.student: row for row in scores.students}
    rows = []
    for student in students:
        row = by_id.get(student)
        entry = {"student": student, "scores": None, "awaiting": row.awaiting if row else ""}
        if row is not None:
            share = f" ({row.total / scores.max_total:.0%})" if scores.max_total else ""
            entry.update(
                scores=[number(row.notebooks.get(name)) for name in scores.notebooks],
                total=number(row.total),
                share=share,
            )
        entry["badges"] = _badges(student, findings, pairs, notes)
        rows.append(entry)
    return rows


def _plots(scores, titles):
    plots = []
    totals = [row.total for row in scores.students]
    if totals:
        plots.append(
            {
                "question": None,
                "image": score_plot(totals, scores.max_total, "Total"),
                "alt": "total scores",
                "caption": f"Total score, out of {number(scores.max_total)}.",
            }
        )
    for question in scores.questions:
        key = (question.notebook, question.cell)
        values = [row.questions.get(key) for row in scores.students if key in row.questions]
        graded = [v for v in values if v is not None]
        pending = len(values) - len(graded)
        mean = f"mean {sum(graded) / len(graded):.2f}" if graded else "nothing graded yet"
        kind = "graded by hand" if question.manual else "autograded"
        caption = f"{question.notebook} · {kind}, out of {number(question.max_score)}; {mean}"
        if pending:
            caption += f"; {pending} still to grade by hand"
        title = titles.get(key, question.cell.removesuffix(TEST_SUFFIX))
        plots.append(
            {
                "question": question.cell,
                "image": score_plot(values, question.max_score, title),
                "alt": f"{title} ({question.cell})",
                "caption": f"{caption}.",
            }
        )
    return plots


def build_report(course):
    """Return the report for ``course`` as an HTML string."""
    scores = read_scores(course)
    findings_list = tamper.find_tampering(course)
    pairs = similarity.similar_pairs(course)
    notes, problem = grading_notes.read(course)
    findings = defaultdict(list)
    for finding in findings_list:
        findings[finding.student].append(finding)
    students = sorted({row.student for row in scores.students} | set(course.students()))
    tampered = sorted({f.student for f in findings_list if f.is_tampering})
    awaiting = sum(row.awaiting for row in scores.students)
    graded = [row.total for row in scores.students]
    mean = f"{sum(graded) / len(graded):.1f}" if graded else "–"
    cards = [
        {"value": value, "label": label, "cls": cls}
        for value, label, cls in (
            (len(students), "candidates", ""),
            (f"{mean} / {number(scores.max_total)}", "mean total", ""),
            (len(tampered), "with tampering", "bad" if tampered else "ok"),
            (len(pairs), "similar pairs", "warn" if pairs else "ok"),
            (sum(len(v) for v in notes.values()), "grading notes", ""),
            (awaiting, "cells to grade by hand", "warn" if awaiting else "ok"),
        )
    ]
    return _environment.get_template("report.html.j2").render(
        course_id=course.config.CourseDirectory.course_id,
        assignment=course.assignment,
        generated=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        root=course.root,
        cards=cards,
        notebooks=[(name, number(top)) for name, top in scores.notebooks.items()],
        max_total=number(scores.max_total),
        rows=_rows(scores, students, findings, pairs, notes),
        plots=_plots(scores, question_titles(course)),
        tampering=[f for f in findings_list if f.is_tampering],
        minor=[f for f in findings_list if not f.is_tampering],
        threshold=similarity.THRESHOLD,
        pairs=pairs,
        max_snippet=MAX_SNIPPET,
        notes=sorted(notes.items()),
        notes_problem=problem,
    )


def write_report(course, out_path):
    """Write ``report.html`` for ``course`` to ``out_path`` and return the path."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(build_report(course), encoding="utf-8")
    return out_path


def run(args):
    from workbook.pipeline.finish import results_folder

    course = open_course(args.course)
    path = write_report(course, args.out or results_folder(course) / "report.html")
    print(f"Wrote {path}: open it in a browser.")
    return 0
