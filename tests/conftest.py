"""Shared test setup: an isolated state folder and the workbook's Jupyter kernel."""

import os
import tempfile

import pytest

# Notebook fixtures under tests/ are data for the tests, not notebooks for nbval to run.
collect_ignore_glob = ["*.ipynb", "**/*.ipynb"]


def pytest_configure(config):
    # Kernels started by the tests inherit this: their databases stay out of the user's way.
    os.environ.setdefault("WORKBOOK_STATE_DIR", tempfile.mkdtemp(prefix="workbook-tests-"))


@pytest.fixture(scope="session", autouse=True)
def workbook_kernel():
    """Install the notebooks' kernel into this environment (cheap, and always current)."""
    from workbench.kernelspec import install

    install()
