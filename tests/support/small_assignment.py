"""A small nbgrader assignment with nothing of the workbook in it (no Django, no boot cell):
one solution cell and one test cell with a hidden test, in nbgrader's own markup."""

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SOLUTION = """def mean(values):
    ### BEGIN SOLUTION
    return sum(values) / len(values)
    ### END SOLUTION
"""
TESTS = """assert mean([1, 2, 3]) == 2
### BEGIN HIDDEN TESTS
assert mean([2.5]) == 2.5
### END HIDDEN TESTS
"""
POINTS = 3


def nbgrader_cell(source, **nbgrader):
    """A code cell with nbgrader metadata (schema 3) made of ``nbgrader``."""
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "task": False, **nbgrader}
    return cell


def means_notebook():
    """The instructor notebook: write ``mean(values)``; its test cell is worth ``POINTS``."""
    return new_notebook(
        cells=[
            new_markdown_cell("Write `mean(values)`."),
            nbgrader_cell(SOLUTION, grade=False, solution=True, locked=False, grade_id="mean"),
            nbgrader_cell(
                TESTS, grade=True, solution=False, locked=True, grade_id="mean_tests", points=POINTS
            ),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
