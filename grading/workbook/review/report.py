"""``workbook report``: one self-contained ``report.html`` for the grader.

It holds the scores per candidate, a plot of each question's score distribution (PNG images
embedded as base64: the file needs nothing else), tampering findings (``workbook.review.tamper``),
pairs of suspiciously similar answers (``workbook.review.similarity``) and the grading notes the
autograde step left in ``<course>/grading_notes.json``
(``{"<student>": [{"notebook": "<name>", "note": "<text>"}]}``). Every piece of candidate
content is escaped: submissions are untrusted.
"""

import base64
import io
from collections import defaultdict
from datetime import datetime
from html import escape
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbook.pipeline.export import number, open_course, read_scores
from workbook.review import notes as grading_notes
from workbook.review import similarity, tamper

MAX_SNIPPET = 4000  # characters of an answer shown beside its look-alike


def e(value):
    """Escape ``value`` for HTML text and attribute values."""
    return escape(str(value), quote=True)


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
    axes.set_title(title, fontsize=9)
    axes.set_xlabel("score", fontsize=8)
    axes.set_ylabel("candidates", fontsize=8)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _img(data, alt):
    return f'<img src="data:image/png;base64,{data}" alt="{e(alt)}">'


STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; color: #222; max-width: 1200px; margin: 2em auto;
  padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
.muted { color: #666; } .ok { color: #2a7a2a; } .warn { color: #a05a00; } .bad { color: #b00020; }
table { border-collapse: collapse; margin: 0.8em 0; } th, td { border: 1px solid #ddd;
  padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border-radius: 0.8em; padding: 0 0.6em; margin: 0 0.2em 0.2em 0;
  font-size: 0.85em; background: #eee; }
.badge.bad { background: #fde3e6; } .badge.warn { background: #fff0d6; }
.badge.note { background: #e3eefc; color: #1a4a8a; }
.cards { display: flex; gap: 1em; flex-wrap: wrap; } .card { border: 1px solid #ddd;
  border-radius: 6px; padding: 0.6em 1em; min-width: 9em; }
.card b { display: block; font-size: 1.6em; }
.plots { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; }
figcaption { font-size: 0.85em; color: #555; max-width: 360px; }
pre { background: #f7f7f7; padding: 0.5em; overflow-x: auto; max-width: 560px; margin: 0;
  white-space: pre-wrap; word-break: break-word; }
"""


def _badges(student, findings, pairs, notes):
    out = []
    tampering = [f for f in findings.get(student, []) if f.is_tampering]
    if tampering:
        out.append(f'<span class="badge bad">tampering ({len(tampering)})</span>')
    for pair in pairs:
        if student in (pair.a, pair.b):
            other = pair.b if student == pair.a else pair.a
            out.append(f'<span class="badge warn">similar to {e(other)} ({pair.score:.0%})</span>')
    if notes.get(student):
        out.append(f'<span class="badge note">notes ({len(notes[student])})</span>')
    return "".join(out) or '<span class="ok">none</span>'


def _candidates_table(scores, students, findings, pairs, notes):
    names = list(scores.notebooks)
    by_id = {row.student: row for row in scores.students}
    head = "".join(
        f"<th>{e(n)}<br><span class='muted'>/ {number(m)}</span></th>"
        for n, m in scores.notebooks.items()
    )
    rows = []
    for student in students:
        row = by_id.get(student)
        if row is None:
            cells = f'<td colspan="{len(names) + 1}" class="warn">not graded yet</td>'
        else:
            cells = "".join(f'<td class="num">{number(row.notebooks.get(n))}</td>' for n in names)
            share = f" ({row.total / scores.max_total:.0%})" if scores.max_total else ""
            cells += f'<td class="num"><b>{number(row.total)}</b>{share}</td>'
        awaiting = row.awaiting if row else ""
        rows.append(
            f'<tr data-student="{e(student)}"><td>{e(student)}</td>{cells}'
            f'<td class="num">{awaiting}</td>'
            f"<td>{_badges(student, findings, pairs, notes)}</td></tr>"
        )
    return (
        f"<table><tr><th>candidate</th>{head}<th>total<br><span class='muted'>/ "
        f"{number(scores.max_total)}</span></th><th>to grade by hand</th><th>flags</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _plots(scores):
    figures = []
    totals = [row.total for row in scores.students]
    if totals:
        figures.append(
            f"<figure>{_img(score_plot(totals, scores.max_total, 'Total'), 'total scores')}"
            f"<figcaption>Total score, out of {number(scores.max_total)}.</figcaption></figure>"
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
        image = score_plot(values, question.max_score, question.cell)
        figures.append(
            f'<figure data-question="{e(question.cell)}">{_img(image, question.cell)}'
            f"<figcaption>{e(caption)}.</figcaption></figure>"
        )
    return '<div class="plots">' + "".join(figures) + "</div>"


def _tampering(findings):
    serious = [f for f in findings if f.is_tampering]
    if not serious:
        return '<p class="ok">No locked cell was changed, deleted or added in any submission.</p>'
    rows = "".join(
        f'<tr data-student="{e(f.student)}" data-kind="{e(f.kind)}"><td>{e(f.student)}</td>'
        f"<td>{e(f.notebook)}</td><td><code>{e(f.cell)}</code></td>"
        f'<td class="bad">{e(f.kind)}</td><td>{e(f.detail)}</td></tr>'
        for f in serious
    )
    return (
        "<p>These submissions changed cells the candidate was told to leave alone. nbgrader "
        "grades with the original test cells and points, so no score below gained from it; "
        "a deleted setup cell can make the candidate's own tests fail. Worth a conversation."
        "</p><table><tr><th>candidate</th><th>notebook</th><th>cell</th><th>what</th>"
        f"<th>details</th></tr>{rows}</table>"
    )


def _minor(findings):
    minor = [f for f in findings if not f.is_tampering]
    if not minor:
        return ""
    rows = "".join(
        f'<tr data-student="{e(f.student)}"><td>{e(f.student)}</td><td>{e(f.notebook)}</td>'
        f"<td><code>{e(f.cell)}</code></td><td>{e(f.kind)}</td><td>{e(f.detail)}</td></tr>"
        for f in minor
    )
    return (
        "<h3>Minor</h3><p class='muted'>Harmless on their own; listed for completeness.</p>"
        "<table><tr><th>candidate</th><th>notebook</th><th>cell</th><th>what</th>"
        f"<th>details</th></tr>{rows}</table>"
    )


def _snippet(source):
    text = source if len(source) <= MAX_SNIPPET else source[:MAX_SNIPPET] + "\n… (cut)"
    return f"<pre>{e(text)}</pre>"


def _similarity(pairs):
    intro = (
        f"<p>Code answers are compared after removing comments, layout and the names "
        f"candidates choose, and after subtracting the stub and the reference solution, so code "
        f"everyone writes does not count; prose answers are compared word by word. A pair is "
        f"listed when they share {similarity.THRESHOLD:.0%} or more of their distinctive "
        f"fingerprints. Similar is not proof: read the answers side by side.</p>"
    )
    if not pairs:
        return intro + '<p class="ok">No pair of submissions is suspiciously similar.</p>'
    blocks = []
    for pair in pairs:
        rows = "".join(
            f"<tr><td>{e(m.notebook)}<br><code>{e(m.cell)}</code><br>{m.score:.0%}</td>"
            f"<td>{_snippet(m.source_a)}</td><td>{_snippet(m.source_b)}</td></tr>"
            for m in pair.cells
        )
        blocks.append(
            f'<div data-pair="{e(pair.a)}|{e(pair.b)}"><h3>{e(pair.a)} and {e(pair.b)}: '
            f'<span class="warn">{pair.score:.0%} alike</span></h3>'
            f"<table><tr><th>task</th><th>{e(pair.a)}</th><th>{e(pair.b)}</th></tr>"
            f"{rows}</table></div>"
        )
    return intro + "".join(blocks)


def _where(notebook):
    if not notebook:
        return ""
    return "<b>all notebooks</b>: " if notebook == "*" else f"<b>{e(notebook)}</b>: "


def _notes(notes, problem):
    parts = []
    if problem:
        parts.append(f'<p class="bad">{e(problem)}</p>')
    if not notes:
        parts.append('<p class="muted">No grading notes.</p>')
        return "".join(parts)
    for student in sorted(notes):
        items = "".join(f"<li>{_where(nb)}{e(note)}</li>" for nb, note in notes[student])
        parts.append(
            f'<div data-student="{e(student)}"><h3>{e(student)}</h3><ul>{items}</ul></div>'
        )
    return "".join(parts)


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
    course_id = course.config.CourseDirectory.course_id
    cards = "".join(
        f'<div class="card"><b class="{cls}">{value}</b>{e(label)}</div>'
        for value, label, cls in (
            (len(students), "candidates", ""),
            (f"{mean} / {number(scores.max_total)}", "mean total", ""),
            (len(tampered), "with tampering", "bad" if tampered else "ok"),
            (len(pairs), "similar pairs", "warn" if pairs else "ok"),
            (sum(len(v) for v in notes.values()), "grading notes", ""),
            (awaiting, "cells to grade by hand", "warn" if awaiting else "ok"),
        )
    )
    generated = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grading report: {e(course_id)}</title>
<style>{STYLE}</style></head>
<body>
<h1>Grading report</h1>
<p class="muted">Course {e(course_id)}, assignment {e(course.assignment)};
generated {e(generated)} from {e(course.root)}.</p>
<div class="cards">{cards}</div>
<section id="candidates"><h2>Candidates</h2>
<p>Scores from the gradebook (late penalties applied). Cells graded by hand count once a grader
has scored them in formgrader.</p>
{_candidates_table(scores, students, findings, pairs, notes)}</section>
<section id="distributions"><h2>Score distributions</h2>
<p>How many candidates got each score, per question and in total.</p>
{_plots(scores)}</section>
<section id="tampering"><h2>Tampering</h2>
{_tampering(findings_list)}{_minor(findings_list)}</section>
<section id="similarity"><h2>Similar submissions</h2>
{_similarity(pairs)}</section>
<section id="notes"><h2>Grading notes</h2>
<p class="muted">Left by the autograde step (timeouts, crashes, anything unusual).</p>
{_notes(notes, problem)}</section>
</body></html>
"""


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
