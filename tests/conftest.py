"""Shared test setup: an isolated state folder and the workbook's Jupyter kernel."""

import os
import tempfile

import pytest

# Notebook fixtures under tests/ are data for the tests, not notebooks for nbval to run.
collect_ignore_glob = ["*.ipynb", "**/*.ipynb"]


def pytest_configure(config):
    # Kernels started by the tests inherit this: their databases stay out of the user's way.
    os.environ.setdefault("WORKBOOK_STATE_DIR", tempfile.mkdtemp(prefix="workbook-tests-"))
    if not hasattr(config, "workerinput"):  # once, before any xdist worker starts
        from workbench.kernelspec import install

        install()  # the notebooks' kernel, always current with this environment


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    """Keep each notebook's nbval cells together on one xdist worker (they share a kernel)."""
    for item in items:
        if item.nodeid.split("::")[0].endswith(".ipynb"):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
