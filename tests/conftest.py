"""Shared test setup: an isolated state folder, the workbook's Jupyter kernel, and the real
system parts (``system_parts``): said at the start, missing ones skipped (in CI: an error)."""

import os
import tempfile

import pytest
import system_parts


def pytest_configure(config):
    # Kernels started by the tests inherit this: their databases stay out of the user's way.
    os.environ.setdefault("WORKBOOK_STATE_DIR", tempfile.mkdtemp(prefix="workbook-tests-"))
    if not hasattr(config, "workerinput"):  # once, before any xdist worker starts
        from workbench.kernelspec import install

        install()  # the notebooks' kernel, always current with this environment
        if system_parts.in_ci() and system_parts.missing():
            raise pytest.UsageError(
                "CI must skip nothing, but parts are missing: " + "; ".join(system_parts.missing())
            )


def pytest_report_header(config):
    return ["system parts:", *(f"  {line}" for line in system_parts.header())]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    _skip_missing_parts(items)
    _honour_xdist_groups(config, items)


def _skip_missing_parts(items):
    """Skip the tests whose system part is missing, before any of their fixtures runs."""
    reasons = system_parts.skip_reasons()
    for item in items:
        for marker, reason in reasons.items():
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


def _honour_xdist_groups(config, items):
    """Make ``--dist loadgroup`` honour ``xdist_group`` marks again.

    pytest 9.2 keeps a node's id in ``_id``; pytest-xdist 3.8 still appends the group to
    ``_nodeid``, which pytest no longer reads, so groups were silently ignored and tests that
    share a kernel or a notebook's round trip were spread over workers.
    """
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import NodeId

    for item in items:
        if "@" in item.nodeid.rsplit("]", 1)[-1]:
            continue  # an xdist that tags the id itself
        groups = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        if groups:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(groups))}")


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """The reporting course (``support/reporting_course``), generated, submitted and autograded
    once for the whole session: what the feedback, export and report tests read."""
    from reporting_course import build

    return build(tmp_path_factory)
