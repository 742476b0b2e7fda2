"""Read a task's title and hint from its explanation, the markdown just before its answer cell.

The hint is the task's own ``<details><summary>Hint</summary>...</details>`` block: JupyterLab
shows it folded, so a person opens it only on request, and nothing restates it elsewhere.
"""

import re

HINT = re.compile(r"<details>\s*<summary>\s*Hint\b[^<]*</summary>(.*?)</details>", re.S | re.I)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)


def explanation(notebook, task, all_tasks):
    """Return the markdown between the previous task's test cell (or the top) and ``task``."""
    previous = [other.test_index for other in all_tasks if other.test_index < task.solution_index]
    start = max(previous, default=-1) + 1
    cells = notebook.cells[start : task.solution_index]
    return "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")


def title(notebook, task, all_tasks):
    """Return the last heading before the task's answer cell, or the task id."""
    headings = HEADING.findall(explanation(notebook, task, all_tasks))
    return headings[-1] if headings else task.id


def hint(notebook, task, all_tasks):
    """Return the task's hint text (stripped), or ``None`` when it has none."""
    found = HINT.findall(explanation(notebook, task, all_tasks))
    text = "\n\n".join(part.strip() for part in found).strip()
    return text or None
