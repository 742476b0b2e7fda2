"""Fixtures for the candidate's tools: a repository-like root with notebook 00 in it."""

import shutil

import pytest
from workbook.candidate.workspace import Layout
from workbook.paths import NOTEBOOKS_DIR

ORIENTATION = NOTEBOOKS_DIR / "00_orientation.ipynb"


@pytest.fixture(scope="session")
def repo_layout(tmp_path_factory):
    """A repository-like root holding the instructor notebook 00, its candidate version built."""
    root = tmp_path_factory.mktemp("repo")
    (root / "notebooks").mkdir()
    shutil.copyfile(ORIENTATION, root / "notebooks" / ORIENTATION.name)
    layout = Layout(root)
    layout.pristine()  # nbgrader generate_assignment, once per session
    return layout


@pytest.fixture
def candidate_00(repo_layout):
    """The candidate (stub) version of notebook 00."""
    return repo_layout.pristine() / ORIENTATION.name
