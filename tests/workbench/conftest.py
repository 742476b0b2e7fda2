"""Fixtures for the toolkit's tests: real ``django-workbook`` kernels."""

import pytest
from kernel_tools import Kernel


@pytest.fixture
def kernel_factory():
    """Start kernels with ``kernel_factory(cwd=..., **env)``; all are shut down afterwards."""
    kernels = []

    def start(cwd=None, **env):
        kernels.append(Kernel(cwd, **env))
        return kernels[-1]

    yield start
    for kernel in kernels:
        kernel.shutdown()


@pytest.fixture(scope="module")
def booted_kernel():
    """One booted kernel shared by a module's tests (each leaves it as it found it)."""
    kernel = Kernel()
    kernel.run("from workbench import boot\nsandbox = boot()")
    yield kernel
    kernel.shutdown()
