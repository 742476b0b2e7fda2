"""``workbook reset``: put notebooks back to their starting version, keeping a backup."""

import sys
from pathlib import Path

from workbook.candidate.workspace import (
    Layout,
    Workspace,
    find_workspace,
    holds_candidate_notebooks,
)


def reset(names=None, *, workspace=None, layout=None):
    """Reset ``names`` (all when None) in the workspace; return ``(backup, changes)``."""
    layout = layout or Layout()
    folder = Path(workspace).resolve() if workspace else find_workspace()
    # The repository's own workspace gets freshly built candidate notebooks; any other one
    # (a test's, a copied folder) uses the pristine folder its manifest records.
    pristine = layout.pristine() if folder == layout.workspace else None
    space = Workspace(folder, pristine=pristine)
    if space.pristine is None and holds_candidate_notebooks(folder):
        raise FileNotFoundError(
            f"{folder} holds notebooks without their starting versions (fetched from an "
            "nbgrader exchange or copied by hand), so there is nothing to reset them to: fetch "
            "the assignment again from the Assignment List, after moving your copies aside."
        )
    if space.pristine is None:
        raise FileNotFoundError(
            f"{folder} is not a workspace yet: run `make lab` (or `workbook lab`) once."
        )
    return space.reset(names)


def run(args):
    if bool(args.all) == bool(args.notebooks):
        print("workbook reset: name notebooks (e.g. `workbook reset 02`) or use --all.")
        return 2
    try:
        backup, changes = reset(None if args.all else args.notebooks, workspace=args.workspace)
    except (LookupError, FileNotFoundError) as error:
        print(f"workbook reset: {error}", file=sys.stderr)
        return 2
    for change in changes:
        print(change.message)
    if backup:
        print(f"Backup of your previous versions: {backup}")
    print("If a notebook is open in JupyterLab, reload it: File > Reload Notebook from Disk.")
    return 0
