"""The files that run inside the sandbox import the standard library and what the kernel itself
runs on (IPython, ipykernel, Django), never the grader's toolkit: inside the sandbox it is
neither trusted nor necessarily importable."""

import ast
import sys
from pathlib import Path

import pytest
from workbook.isolation import kernel_side

KERNEL_PACKAGES = {"IPython", "ipykernel", "django"}
FILES = sorted(Path(kernel_side.__file__).parent.glob("*.py"))


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_standard_library_and_kernel_packages_only(path):
    outside = [
        name
        for name in imported_modules(path)
        if name.startswith(".")
        or name.split(".")[0] not in sys.stdlib_module_names | KERNEL_PACKAGES
    ]
    assert outside == [], f"{path.name} imports {outside}: the sandbox may not have them."


def test_the_three_files_are_there():
    assert {path.name for path in FILES} >= {"kernel_guard.py", "kernel_zygote.py", "limited.py"}
