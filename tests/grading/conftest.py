"""The graded course that the grader's outputs (feedback, export, report) are tested on."""

import pytest
from reporting_course import build


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """Generate, submit and autograde the reporting course once for the whole session."""
    return build(tmp_path_factory)
