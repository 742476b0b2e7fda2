"""report.html: one self-contained page that flags exactly the tampered and the copied work."""

import base64
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from reporting_course import NOTES, STUDENTS, TAMPERED, TWINS
from workbook import cli
from workbook.course import Course
from workbook.review import notes as grading_notes
from workbook.review import report

pytestmark = pytest.mark.xdist_group("grader-outputs")


class Page(HTMLParser):
    """The report's tags with their section, and its visible text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self._section, self._style = [], [], None, False
        self.feed(html)
        self.text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._section = attrs.get("id")
        self._style = tag == "style"
        self.tags.append((self._section, tag, attrs))

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if not self._style:
            self.text.append(data)

    def find(self, section, tag, attribute):
        return [a for s, t, a in self.tags if s == section and t == tag and attribute in a]


@pytest.fixture(scope="module")
def html(graded, tmp_path_factory):
    path = report.write_report(graded.course, tmp_path_factory.mktemp("report") / "report.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html):
    return Page(html)


def test_report_is_self_contained(html, page):
    assert not re.search(r"<script|<link|<iframe|@import|url\(", html, re.I)
    sources = [attrs["src"] for _, tag, attrs in page.tags if tag == "img"]
    assert sources
    for src in sources:
        prefix = "data:image/png;base64,"
        assert src.startswith(prefix)
        assert base64.b64decode(src[len(prefix) :]).startswith(b"\x89PNG")
    assert not [a for _, _, a in page.tags for v in a.values() if v and "http" in v]


def test_a_plot_per_question_and_for_the_total(page):
    questions = [a["data-question"] for a in page.find("distributions", "figure", "data-question")]
    assert questions == [
        "orientation_public_audio_count_tests",
        "orientation_top_creators_tests",
        "orientation_explain_count",
    ]
    assert len(page.find("distributions", "img", "src")) == len(questions) + 1


def test_every_candidate_has_a_row(page):
    rows = [a["data-student"] for a in page.find("candidates", "tr", "data-student")]
    assert rows == sorted(STUDENTS)


def test_tampering_flags_exactly_the_tampered_candidate(page):
    rows = page.find("tampering", "tr", "data-kind")
    assert {a["data-student"] for a in rows} == {TAMPERED}
    assert sorted(a["data-kind"] for a in rows) == ["added", "deleted", "edited", "metadata"]


def test_similarity_flags_exactly_the_twins(page):
    pairs = [a["data-pair"] for a in page.find("similarity", "div", "data-pair")]
    assert pairs == ["|".join(TWINS)]


def test_candidate_table_badges(html):
    rows = dict(re.findall(r'<tr data-student="([^"]+)">(.*?)</tr>', html, re.S))
    assert "tampering (4)" in rows[TAMPERED]
    assert "similar to twin_b" in rows["twin_a"] and "similar to twin_a" in rows["twin_b"]
    for honest in ("reference", "stub"):
        assert "tampering" not in rows[honest] and "similar" not in rows[honest]


def test_grading_notes_are_shown(page):
    students = [a["data-student"] for a in page.find("notes", "div", "data-student")]
    assert students == sorted(NOTES)
    for entries in NOTES.values():
        for entry in entries:
            assert entry["note"] in page.text


def test_candidate_content_is_escaped(html, page):
    assert "onerror" not in "".join(str(a) for _, _, a in page.tags)
    assert 'alert("twin")' in page.text  # shown as text in the side-by-side answers
    assert "&lt;/pre&gt;&lt;script&gt;" in html


def test_missing_notes_file_means_no_notes(graded, tmp_path):
    course = SimpleNamespace(root=tmp_path)
    assert grading_notes.read(course) == ({}, None)
    (graded.root / grading_notes.NOTES_FILE).rename(tmp_path / "kept.json")
    try:
        assert "No grading notes." in Page(report.build_report(graded.course)).text
    finally:
        (tmp_path / "kept.json").rename(graded.root / grading_notes.NOTES_FILE)


def test_broken_notes_file_is_named_not_fatal(graded, tmp_path):
    notes_file = graded.root / grading_notes.NOTES_FILE
    kept = notes_file.read_text()
    notes_file.write_text("{oops")
    try:
        text = Page(report.build_report(graded.course)).text
    finally:
        notes_file.write_text(kept)
    assert f"{grading_notes.NOTES_FILE} could not be read" in text


def test_assignment_without_submissions_still_reports(graded):
    text = Page(report.build_report(Course(graded.root, assignment="not_generated"))).text
    assert "0candidates" in text.replace(" ", "").replace("\n", "")
    assert "No locked cell was changed" in text and "No pair of submissions" in text


def test_cli_writes_report(graded, tmp_path, capsys):
    out = tmp_path / "r" / "report.html"
    assert cli.main(["report", "--course", str(graded.root), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


def test_plots_are_titled_with_the_tasks_titles(graded, page):
    titles = report.question_titles(graded.course)
    assert titles == {
        ("00_orientation", "orientation_public_audio_count_tests"): (
            "Task 1 · Count public audio in one query"
        ),
        ("00_orientation", "orientation_top_creators_tests"): "Task 2 · The most played creators",
        ("00_orientation", "orientation_explain_count"): "Explain it · count() or len()?",
    }
    alts = [a["alt"] for a in page.find("distributions", "img", "alt")]
    assert alts[1:] == [f"{title} ({cell})" for (_, cell), title in titles.items()]


def test_a_title_is_plain_text_for_the_plot():
    assert report._plain("Use `$x$` **now**") == r"Use \$x\$ now"
