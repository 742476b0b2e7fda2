"""Shared test setup: an isolated state folder and the workbook's Jupyter kernel."""

import os
import tempfile


def pytest_configure(config):
    # Kernels started by the tests inherit this: their databases stay out of the user's way.
    os.environ.setdefault("WORKBOOK_STATE_DIR", tempfile.mkdtemp(prefix="workbook-tests-"))
    if not hasattr(config, "workerinput"):  # once, before any xdist worker starts
        from workbench.kernelspec import install

        install()  # the notebooks' kernel, always current with this environment
