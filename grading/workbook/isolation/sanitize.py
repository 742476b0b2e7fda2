"""A sanitizing step nbgrader lacks: forget grading metadata the gradebook does not know.

A submission can carry cells whose nbgrader metadata names no cell of the instructor
notebook (a test cell renamed, a "bonus" graded cell added), or metadata emptied by
nbgrader's own ``DeduplicateIds``. nbgrader's ``OverwriteCells`` with ``add_missing_cells``
then fails on the whole submission. Such cells become ordinary cells here (with a note), so
the locked cells are restored from the instructor notebook and the rest is graded as usual.
Known cells get their kind (grade, solution, task, locked, points) back from the gradebook: a
solution cell marked as graded would otherwise be looked up as a test cell and fail too.
"""

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from workbook.review import notes


class ForgetUnknownCells(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return nb, resources
            known = {cell.name: {"locked": cell.locked} for cell in notebook.source_cells}
            for cell in notebook.grade_cells:
                known[cell.name].update(grade=True, points=cell.max_score)
            for cell in notebook.solution_cells:
                known[cell.name]["solution"] = True
            for cell in notebook.task_cells:
                known[cell.name].update(task=True, points=cell.max_score)
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
                continue
            # The kind of cell is the instructor's to say: OverwriteCells looks cells up by it.
            flags = {"grade": False, "solution": False, "task": False, **known[grade_id]}
            meta["nbgrader"].update(flags)
            if not (flags["grade"] or flags["task"]):
                meta["nbgrader"].pop("points", None)
        if forgotten:
            notes.add(
                info["notebook"], f"Ignored grading metadata not in the assignment: {forgotten}"
            )
        return nb, resources
