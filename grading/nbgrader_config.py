"""nbgrader configuration for the Django Interview Workbook.

The grader's toolkit (``workbook``) loads this file and sets the course root itself; run from
this folder, plain ``nbgrader`` commands pick it up too. Options are documented at
https://nbgrader.readthedocs.io/en/stable/configuration/config_options.html
"""

from workbook.course import COURSE_ID
from workbook.isolation.limits import Limits

c = get_config()  # noqa: F821 (provided by traitlets when the file is loaded)

c.CourseDirectory.course_id = COURSE_ID
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.sqlite3"]

# What the candidate sees in place of a solution.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# A cell may take this long before it is interrupted and marked as failed: the same limit
# under Validate, `workbook check` and `workbook autograde`.
c.Execute.timeout = Limits().timeout
# Re-grading a resubmission whose test cell was deleted must not keep the old score:
# nbgrader restores missing locked cells only with this switched on.
c.OverwriteCells.add_missing_cells = True
