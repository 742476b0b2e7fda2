"""Feedback pages: one per candidate and notebook, without hidden tests or mark schemes."""

import copy
import re
from html.parser import HTMLParser

import pytest
from nbgrader.apps import NbGraderAPI
from reporting_course import NOTEBOOK, PROSE_ANSWERS, SOURCE, STUDENTS, read
from workbook import cli
from workbook.pipeline.feedback import HIDDEN_NOTE, write_feedback

pytestmark = pytest.mark.xdist_group("grader-outputs")


@pytest.fixture(scope="module")
def pages(graded, tmp_path_factory):
    out = tmp_path_factory.mktemp("feedback")
    return out, write_feedback(graded.course, out)


class _Text(HTMLParser):
    """What a reader sees: text outside <style> and <script>, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(path):
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def _regions(begin, end):
    """Return the lines of the source notebook between ``begin`` and ``end`` markers."""
    lines = []
    for cell in read(SOURCE).cells:
        for region in re.findall(rf"{begin}[^\n]*\n(.*?)\n[^\n]*{end}", cell.source, re.S):
            lines += [line.strip() for line in region.splitlines()]
    return lines


def grader_only_lines():
    """Lines of hidden tests and mark schemes that appear nowhere in the candidate's copy."""
    release = "\n".join(cell.source for cell in read(SOURCE).cells)
    release = re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", release, flags=re.S)
    release = re.sub(r"=== BEGIN MARK SCHEME.*?END MARK SCHEME ===", "", release, flags=re.S)
    lines = _regions("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
    lines += _regions("BEGIN MARK SCHEME", "END MARK SCHEME")
    return sorted({line for line in lines if len(line) > 8 and line not in release})


def test_there_is_grader_only_text_to_hide():
    lines = grader_only_lines()
    assert len(lines) >= 8, lines
    assert any("Hidden public" in line for line in lines)


def test_nbgrader_alone_would_show_hidden_tests(graded):
    """Why ``HideGraderOnlyText`` exists: nbgrader 0.9.6's own feedback leaks both regions."""
    config = copy.deepcopy(graded.course.config)
    config.CourseDirectory.feedback_directory = "feedback_plain"
    api = NbGraderAPI(config=config)
    assert api.generate_feedback(graded.course.assignment, "reference")["success"]
    page = graded.root / "feedback_plain" / "reference" / graded.course.assignment
    text = visible_text(page / f"{NOTEBOOK}.html")
    assert "BEGIN HIDDEN TESTS" in text and "BEGIN MARK SCHEME" in text


def test_one_page_per_candidate_and_notebook(pages):
    out, written = pages
    assert sorted(written) == sorted(out / s / f"{NOTEBOOK}.html" for s in STUDENTS)


@pytest.mark.parametrize("student", STUDENTS)
def test_feedback_hides_hidden_tests_and_mark_schemes(pages, student):
    text = visible_text(pages[0] / student / f"{NOTEBOOK}.html")
    for marker in ("HIDDEN TESTS", "MARK SCHEME", "BEGIN SOLUTION"):
        assert marker not in text, f"{student}'s feedback shows {marker!r}."
    leaked = [line for line in grader_only_lines() if line in text]
    assert not leaked, f"{student}'s feedback shows grader-only lines: {leaked}"


def test_failed_hidden_test_shows_its_message_not_its_code(pages):
    text = visible_text(pages[0] / "partial" / f"{NOTEBOOK}.html")
    assert "AssertionError: top_creators(1) should return only the top creator" in text
    assert HIDDEN_NOTE in text
    assert "assert_equal(top_creators(1), ranking[:1]" not in text


def test_feedback_keeps_the_visible_tests_and_the_score(pages):
    text = visible_text(pages[0] / "reference" / f"{NOTEBOOK}.html")
    assert "Counting should take exactly one query" in text  # a visible assert's message
    assert re.search(r"Score:\s*5(\.0)?\s*/\s*6", text), text[:500]


class _Active(HTMLParser):
    """Collect what a browser would run: script bodies and on* attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._script = [], False

    def handle_starttag(self, tag, attrs):
        self._script = tag == "script"
        self.found += [f"{tag} {name}={value}" for name, value in attrs if name.startswith("on")]

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.found.append(data)


def test_candidate_markdown_is_sanitised(pages):
    path = pages[0] / "partial" / f"{NOTEBOOK}.html"
    parser = _Active()
    parser.feed(path.read_text(encoding="utf-8"))
    active = [item for item in parser.found if "alert" in item]
    assert not active, f"Candidate HTML would run in the feedback page: {active}"
    assert "Done!" in visible_text(path)


def test_instructor_markdown_is_left_as_written(pages):
    html = (pages[0] / "stub" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")
    assert "<summary>Hint</summary>" in html


def test_cli_writes_feedback(graded, tmp_path, capsys):
    out = tmp_path / "fb"
    assert cli.main(["feedback", "--course", str(graded.root), "--out", str(out)]) == 0
    assert sorted(p.parent.name for p in out.glob("*/*.html")) == sorted(STUDENTS)
    assert f"for {len(STUDENTS)} candidate(s)" in capsys.readouterr().out


def test_outputs_that_quote_hidden_tests_are_replaced():
    """However submitted code found a hidden test, its output does not carry it out."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from workbook.pipeline.feedback import QUOTES_HIDDEN, HideGraderOnlyText

    meta = {"grade": True, "grade_id": "t_tests", "locked": True, "points": 1, "solution": False}
    tests = new_code_cell(
        "assert f() == 1\n### BEGIN HIDDEN TESTS\nassert f(secret_case=42) == 3\n"
        "### END HIDDEN TESTS\nprint('done')",
        metadata={"nbgrader": meta},
        outputs=[new_output("stream", name="stdout", text="candidate's own print\n")],
    )
    spy = new_code_cell(
        "f()",
        outputs=[
            new_output("stream", name="stdout", text="found: assert f(secret_case=42) == 3\n"),
            new_output("stream", name="stdout", text="nothing to hide\n"),
        ],
    )
    notebook, _ = HideGraderOnlyText().preprocess(new_notebook(cells=[spy, tests]), {})
    spied, tested = notebook.cells
    assert [o.text for o in spied.outputs] == [QUOTES_HIDDEN + "\n", "nothing to hide\n"]
    assert tested.outputs == []  # a test cell shows its error only, never what code printed
    assert "secret_case" not in tested.source


class _Loads(HTMLParser):
    """Collect every address the page would load: src/href of script, link, img, iframe,
    and ``@import``/``url()`` in its styles."""

    LOADING = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses, self._style = [], False

    def handle_starttag(self, tag, attrs):
        self._style = tag == "style"
        wanted = self.LOADING.get(tag)
        self.addresses += [value or "" for name, value in attrs if name == wanted]

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            self.addresses += re.findall(r"@import\s+(?:url\()?['\"]?([^'\")\s;]+)", data)
            self.addresses += re.findall(r"url\(['\"]?([^'\")]+)", data)


def external(addresses):
    return [a for a in addresses if re.match(r"\s*(https?:)?//", a, re.I)]


@pytest.mark.parametrize("student", STUDENTS)
def test_feedback_loads_nothing_from_the_internet(pages, student):
    parser = _Loads()
    parser.feed((pages[0] / student / f"{NOTEBOOK}.html").read_text(encoding="utf-8"))
    assert parser.addresses, "The check must see the page's own resources (a <script> at least)."
    assert not external(parser.addresses), external(parser.addresses)


def test_the_check_sees_what_nbgrader_alone_loads(graded, tmp_path):
    """Why the feedback template is changed: nbgrader's own page loads MathJax from a CDN."""
    config = copy.deepcopy(graded.course.config)
    config.CourseDirectory.feedback_directory = "feedback_cdn"
    assert NbGraderAPI(config=config).generate_feedback(graded.course.assignment, "stub")["success"]
    parser = _Loads()
    page = graded.root / "feedback_cdn" / "stub" / graded.course.assignment / f"{NOTEBOOK}.html"
    parser.feed(page.read_text(encoding="utf-8"))
    assert any("mathjax" in address for address in external(parser.addresses))


def test_prose_question_and_answer_show_as_markup_not_escaped_html(pages):
    html = (pages[0] / "partial" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")
    assert "&lt;h2" not in html and "&lt;p&gt;" not in html
    assert re.search(r"<h2 id=\"Explain-it[^>]*>Explain it", html)
    assert f"<p>{PROSE_ANSWERS['partial']}</p>" in html
    text = visible_text(pages[0] / "partial" / f"{NOTEBOOK}.html")
    assert "<p>" not in text and "<h2" not in text


@pytest.mark.parametrize(
    ("markdown", "kept", "gone"),
    [
        ("## Mine\n\nSome *text* and a [link](https://example.org).", ["<h2", "<em>", "href"], []),
        ("[click](javascript:alert(1))", ["click"], ["javascript:"]),
        (
            '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
            ["x"],
            ["javascript", "onclick"],
        ),
        ("![t](https://tracker.example/p.png)", ["<img"], ["tracker"]),
        ('<img src="x" onerror="alert(1)">', [], ["onerror"]),
        ("<script>alert(1)</script><style>@import url(//x)</style>", [], ["<script", "<style"]),
        ('<iframe src="https://x.example"></iframe>', [], ["<iframe"]),
        ('<p style="background:url(https://x.example)">y</p>', ["<p>y</p>"], ["style"]),
    ],
)
def test_candidate_markdown_keeps_markup_and_loses_anything_active(markdown, kept, gone):
    from nbformat.v4 import new_markdown_cell, new_notebook
    from workbook.pipeline.feedback import SanitizeCandidateMarkdown

    notebook, _ = SanitizeCandidateMarkdown().preprocess(
        new_notebook(cells=[new_markdown_cell(markdown)]), {}
    )
    html = notebook.cells[0].source
    assert all(part in html for part in kept), html
    assert not any(part in html for part in gone), html
