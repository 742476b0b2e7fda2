"""A sanitizing step nbgrader lacks: forget grading metadata the gradebook does not know.

A submission can carry cells whose nbgrader metadata names no cell of the instructor
notebook (a test cell renamed, a "bonus" graded cell added), or metadata emptied by
nbgrader's own ``DeduplicateIds``. nbgrader's ``OverwriteCells`` with ``add_missing_cells``
then fails on the whole submission. Such cells become ordinary cells here (with a note), so
the locked cells are restored from the instructor notebook and the rest is graded as usual.
"""

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from workbook import execute


class ForgetUnknownCells(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return nb, resources
            known = {cell.name for cell in notebook.source_cells}
        forgotten = []
        for cell in nb.cells:
            meta = cell.get("metadata", {})
            if "nbgrader" not in meta:
                continue
            grade_id = meta["nbgrader"].get("grade_id")
            if grade_id not in known:
                del meta["nbgrader"]
                if grade_id:
                    forgotten.append(grade_id)
        if forgotten:
            execute.NOTES.append(
                (info["notebook"], f"Ignored grading metadata not in the assignment: {forgotten}")
            )
        return nb, resources
