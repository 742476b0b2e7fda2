"""The Validate button, leading with a summary: how many tasks pass and the first failure.

nbgrader's Validate dialog lists every failing test cell with its whole source and error, in
notebook order: hundreds of lines before a candidate learns which task to look at.
``SummaryValidator`` puts one entry first: "3 of 6 tasks pass. First failure — Task 2 (...):"
and that cell's error, and keeps nbgrader's detail below it.

nbgrader's server extension builds its own ``Validator``, so the lab runs this module as its
server extension instead of ``nbgrader.server_extensions.validate_assignment`` (same URLs,
same answers, this validator).
"""

import textwrap
import traceback
from html import escape
from pathlib import Path

from nbconvert.filters import strip_ansi
from nbgrader import utils
from nbgrader.nbgraderformat import SchemaTooNewError, SchemaTooOldError
from nbgrader.server_extensions.validate_assignment.handlers import (
    NbGraderVersionHandler,
    ValidateAssignmentHandler,
)
from nbgrader.validator import Validator
from tornado import web

from workbook.notebook import tasks

# The dialog labels every entry "The following cell failed:"; the summary is not a cell.
HIDE_FIRST_LABEL = "<style>#validation-message > div:first-child { display: none; }</style>"
SHOWN_LINES = 6  # of the first failure's error, in the summary
DETAIL_NOTE = "Every failing test cell follows, with its code and its error."


def _error(cell):
    """Return why a graded cell scored less than full, in one short text."""
    for output in cell.outputs:
        if output.output_type == "error":
            if output.ename == "NotImplementedError":
                return "not answered yet (NotImplementedError)."
            return strip_ansi(f"{output.ename}: {output.evalue}").strip()
        if output.output_type == "stream" and output.name == "stderr":
            return "it wrote to stderr: " + strip_ansi(output.text).strip()
    return "it passed some but not all of its tests."


def summary(notebook, width=90):
    """Return "N of M tasks pass." and, if one fails, the first failure and its error (its
    first lines), in lines of at most ``width`` characters."""
    graded = [
        (index, cell)
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)
    ]
    numbers = {task.test_index: number for number, task in enumerate(tasks(notebook), start=1)}
    failing = []
    for index, cell in graded:
        score, max_score = utils.determine_grade(cell)
        if score < max_score:
            failing.append((index, cell))
    lines = [f"{len(graded) - len(failing)} of {len(graded)} tasks pass."]
    if failing:
        index, cell = failing[0]
        name = cell.metadata.nbgrader["grade_id"]
        if index in numbers:
            name = f"Task {numbers[index]} ({name})"
        error = _error(cell).splitlines()
        if len(error) > SHOWN_LINES:
            error = [*error[:SHOWN_LINES], "(more in its error below)"]
        lines += [f"First failure — {name}:", *error]
    return "\n".join(wrapped for line in lines for wrapped in textwrap.wrap(line, width) or [""])


class SummaryValidator(Validator):
    """nbgrader's ``Validator``, whose failures start with ``summary()`` of the notebook."""

    def _preprocess(self, nb):
        self.executed = super()._preprocess(nb)
        return self.executed

    def validate(self, filename):
        results = super().validate(filename)
        if results.get("failed"):
            text = summary(self.executed, self.width)
            results["summary"] = text
            results["failed"].insert(
                0,
                {
                    "source": text,
                    "error": HIDE_FIRST_LABEL + escape(DETAIL_NOTE),
                    "raw_error": DETAIL_NOTE,
                },
            )
        return results


class SummaryValidateHandler(ValidateAssignmentHandler):
    """nbgrader's Validate request handler, validating with ``SummaryValidator``."""

    def validate_notebook(self, path):
        root = Path(self.root_dir).resolve()
        target = (root / path).resolve()
        if not target.is_relative_to(root):
            raise web.HTTPError(403, "Access denied: path outside allowed directory")
        try:
            results = SummaryValidator(config=self.load_config()).validate(str(target))
        except (SchemaTooOldError, SchemaTooNewError):
            # Raised before anything runs; nbgrader's handler words the advice for each.
            return super().validate_notebook(path)
        except Exception:
            self.log.error(traceback.format_exc())
            return {"success": False, "value": traceback.format_exc()}
        return {"success": True, "value": results}


def _jupyter_server_extension_points():
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp):
    """Serve nbgrader's Validate URLs with ``SummaryValidateHandler``."""
    webapp = serverapp.web_app
    webapp.settings["root_dir"] = serverapp.root_dir
    base_url = webapp.settings["base_url"]
    webapp.add_handlers(
        ".*$",
        [
            (base_url.rstrip("/") + "/assignments/validate", SummaryValidateHandler),
            (base_url.rstrip("/") + "/nbgrader_version", NbGraderVersionHandler),
        ],
    )
