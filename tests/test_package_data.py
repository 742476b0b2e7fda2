"""Every non-Python file the toolkit reads at run time is declared as package data, so an
install that is not editable (a wheel) still has its templates."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import workbook

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(workbook.__file__).parent


def test_every_data_file_of_the_toolkit_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["workbook"]
    data = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert data, "the toolkit has templates: this test must see them"
    undeclared = [name for name in data if not any(fnmatch(name, p) for p in patterns)]
    assert undeclared == [], f"add these to [tool.setuptools.package-data] workbook: {undeclared}"
