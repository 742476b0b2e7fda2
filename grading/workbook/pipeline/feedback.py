"""``workbook feedback``: one HTML page per candidate and notebook, from nbgrader's feedback.

nbgrader's ``generate_feedback`` renders the *autograded* notebook, whose locked cells autograde
restored from the gradebook: as nbgrader stands (0.9.6) the page would show the hidden tests
and the prose questions' mark schemes. ``HideGraderOnlyText`` runs among nbgrader's feedback
preprocessors and removes both regions again. A test cell with hidden tests shows only its
error's type and message (a traceback quotes the failing test line; anything else it printed
may come from submitted code); and any output, anywhere, that quotes a line of the hidden
tests is replaced by a note, however submitted code found the line.
Candidate content is untrusted and graders open these pages too: outputs are sanitised by
``HTMLExporter.sanitize_html``, which nbgrader's feedback template ignores for markdown cells, so
``SanitizeCandidateMarkdown`` renders and cleans every markdown cell the instructor did not write
(``clean_markup``: headings, paragraphs, lists, tables and links stay; scripts, event handlers,
styles, ``javascript:`` links and images from elsewhere go).
The pages load nothing from the internet: ``templates/feedback/`` is searched before nbgrader's
feedback template and replaces nbconvert's MathJax macro, which would load MathJax from a CDN.
"""

import copy
import json
import logging
import re
import shutil
from pathlib import Path

import bleach
import nbformat
from nbconvert.filters.markdown import markdown2html
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor, Preprocessor
from nbgrader import utils
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, GetGrades
from traitlets import Bool, Unicode

log = logging.getLogger(__name__)

HIDDEN_NOTE = "(the hidden tests are not shown)"
QUOTES_HIDDEN = "(output not shown: it quotes the hidden tests)"
HIDDEN_REGION = re.compile(r"BEGIN HIDDEN TESTS[^\n]*\n(.*?)\n[^\n]*END HIDDEN TESTS", re.S)
QUOTABLE = 8  # hidden-test lines shorter than this (``)``, ``else:``) are not worth hiding
TEMPLATES = Path(__file__).resolve().parent / "templates"
NBGRADER_TEMPLATES = (
    Path(utils.__file__).resolve().parent / "server_extensions/formgrader/templates"
)

# What candidate markdown may keep: text markup, no scripts, forms, frames or styles.
MARKUP_TAGS = {
    *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "kbd"),
    *("em", "strong", "b", "i", "u", "s", "del", "sub", "sup", "span", "div", "a", "img"),
    *("ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td"),
    *("details", "summary"),
}
LINK_PREFIXES = ("http://", "https://", "mailto:", "#")
IMAGE_PREFIXES = ("data:image/png;", "data:image/jpeg;", "data:image/gif;")


def _allowed_attribute(tag, name, value):
    if name in ("id", "class", "title") or (tag == "img" and name == "alt"):
        return True
    if tag == "a" and name == "href":
        return value.strip().lower().startswith(LINK_PREFIXES)
    if tag == "img" and name == "src":  # an embedded image; nothing fetched from elsewhere
        return value.strip().lower().startswith(IMAGE_PREFIXES)
    return tag in ("td", "th") and name in ("colspan", "rowspan", "align")


def clean_markup(html):
    """Return ``html`` with only text markup left; anything else is shown as text."""
    return bleach.clean(
        html,
        tags=MARKUP_TAGS,
        attributes=_allowed_attribute,
        protocols=["http", "https", "mailto", "data"],
    )


class HideGraderOnlyText(Preprocessor):
    """Remove hidden tests and mark schemes from locked cells, and their tracebacks."""

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb, resources):
        regions = [
            region
            for cell in nb.cells
            if cell.cell_type == "code" and utils.is_grade(cell)
            for region in HIDDEN_REGION.findall(cell.source)
        ]
        shown = "\n".join(HIDDEN_REGION.sub("", cell.source) for cell in nb.cells)
        self._hidden_lines = {
            line.strip()
            for region in regions
            for line in region.splitlines()
            if len(line.strip()) >= QUOTABLE and line.strip() not in shown
        }
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        cell, resources = self._hide_regions(cell, resources)
        if cell.cell_type == "code":
            cell.outputs = [self._unquoted(output) for output in cell.get("outputs", [])]
        return cell, resources

    def _hide_regions(self, cell, resources):
        if not (utils.is_grade(cell) or utils.is_task(cell) or utils.is_locked(cell)):
            return cell, resources
        if utils.is_solution(cell):
            return cell, resources  # the candidate's own answer, shown as written
        try:
            hidden = ClearHiddenTests(parent=self)._remove_hidden_test_region(cell)
            ClearMarkScheme(parent=self)._remove_mark_scheme_region(cell)
        except RuntimeError:  # an unbalanced region: show nothing rather than too much
            cell.source = "# This cell's source is not shown."
            hidden = True
        if hidden and cell.cell_type == "code":
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            for output in errors:
                message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
                output["traceback"] = [message.rstrip(": "), HIDDEN_NOTE]
            cell.outputs = errors
        return cell, resources

    def _unquoted(self, output):
        """``output``, or a note in its place if it quotes a line of the hidden tests."""
        text = json.dumps(output)
        if not any(line in text or json.dumps(line)[1:-1] in text for line in self._hidden_lines):
            return output
        if output.get("output_type") == "error":
            return nbformat.from_dict(
                {**output, "evalue": QUOTES_HIDDEN, "traceback": [QUOTES_HIDDEN]}
            )
        return nbformat.v4.new_output("stream", name="stdout", text=QUOTES_HIDDEN + "\n")


class SanitizeCandidateMarkdown(Preprocessor):
    """Turn markdown cells the candidate wrote or changed into cleaned HTML."""

    enabled = Bool(True).tag(config=True)
    source_dir = Unicode("", help="The course's source folder: its markdown is trusted.").tag(
        config=True
    )

    def preprocess(self, nb, resources):
        self._trusted = set()
        name = resources.get("nbgrader", {}).get("notebook", "")
        path = Path(self.source_dir) / f"{name}.ipynb"
        if self.source_dir and path.is_file():
            source = nbformat.read(path, as_version=4)
            cells = [c for c in source.cells if c.cell_type == "markdown"]
            self._trusted = {c.source for c in cells}
            # The prose questions as shown here: their mark schemes already removed.
            self._trusted |= {self._without_mark_scheme(c) for c in cells if utils.is_task(c)}
        return super().preprocess(nb, resources)

    def _without_mark_scheme(self, cell):
        cell = copy.deepcopy(cell)
        try:
            ClearMarkScheme(parent=self)._remove_mark_scheme_region(cell)
        except RuntimeError:
            return None
        return cell.source

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown" and cell.source not in self._trusted:
            cell.source = clean_markup(markdown2html(cell.source))
        return cell, resources


def use_feedback_steps(config, source_dir):
    """Give ``config`` the feedback steps that hide grader-only text, clean candidate markdown
    and load nothing from the internet; ``source_dir`` holds the instructor notebooks.

    ``workbook lab --instructor`` sets them too, so formgrader's own Generate Feedback button
    leaks nothing either.
    """
    config.GenerateFeedback.preprocessors = [
        GetGrades,
        HideGraderOnlyText,
        SanitizeCandidateMarkdown,
        CSSHTMLHeaderPreprocessor,
    ]
    config.SanitizeCandidateMarkdown.source_dir = str(source_dir)
    config.HTMLExporter.sanitize_html = True
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), str(NBGRADER_TEMPLATES)]


def feedback_config(course):
    """Return the course's config with the feedback steps (``use_feedback_steps``)."""
    config = copy.deepcopy(course.config)
    use_feedback_steps(config, course.folder("source"))
    return config


def _remove_pages(folder):
    if folder.is_dir():
        for stale in folder.glob("*.html"):
            stale.unlink()


def write_feedback(course, out_dir, students=None, withheld=()):
    """Write the feedback of ``students`` (default: every autograded candidate) to
    ``out_dir/<candidate>/<notebook>.html``, and remove the old pages of ``withheld`` ones.

    Return the pages written. A candidate whose feedback nbgrader cannot build is logged and
    skipped, so one broken submission does not cost everyone else their feedback.
    """
    out_dir = Path(out_dir)
    for student in withheld:
        _remove_pages(out_dir / student)
    api = NbGraderAPI(config=feedback_config(course))
    written = []
    for student in course.students("autograded") if students is None else students:
        result = api.generate_feedback(course.assignment, student, force=True)
        if not result["success"]:
            log.warning("No feedback for %s: %s", student, result.get("error") or result.get("log"))
            continue
        target = out_dir / student
        _remove_pages(target)
        target.mkdir(parents=True, exist_ok=True)
        for page in sorted(course.folder("feedback", student).glob("*.html")):
            written.append(Path(shutil.copyfile(page, target / page.name)))
    return written


def run(args):
    from workbook.pipeline.export import open_course
    from workbook.pipeline.finish import results_folder

    course = open_course(args.course)
    out = args.out or results_folder(course) / "feedback"
    pages = write_feedback(course, out)
    candidates = {page.parent.name for page in pages}
    missing = sorted(set(course.students("autograded")) - candidates)
    print(f"Wrote {len(pages)} feedback page(s) for {len(candidates)} candidate(s) in {out}.")
    if missing:
        print(f"No feedback for: {', '.join(missing)} (see the warnings above).")
        return 1
    return 0
