"""Where the workbook's folders are: one owner for each path (standard library only)."""

from pathlib import Path

GRADING_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = GRADING_DIR.parent
NOTEBOOKS_DIR = REPO_DIR / "notebooks"
BUILD_DIR = REPO_DIR / "build"  # everything generated; git ignores it
DEFAULT_COURSE = BUILD_DIR / "course"
