"""A real workshop hub for the tests: ``workbook hub`` on 127.0.0.1, stopped at the end.

The hub hands out notebook 00 only (a small assignment keeps the round trip short) and runs
in trial mode (any password): the tests log in as the teacher and two participants through
the hub's login form and REST API, as a browser would.
"""

import pytest
from hubtools import running_hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A hub whose participants fetch the assignment themselves."""
    with running_hub(tmp_path_factory, "--no-prefetch") as running:
        yield running
