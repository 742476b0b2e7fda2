"""The ``django-workbook`` kernelspec carries what Django needs inside Jupyter."""

import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from workbench import kernelspec


def test_install_writes_kernel_json(tmp_path):
    folder = kernelspec.install(prefix=str(tmp_path))
    spec = json.loads((tmp_path / "share/jupyter/kernels/django-workbook/kernel.json").read_text())
    assert folder.endswith("share/jupyter/kernels/django-workbook")
    assert spec["argv"][0] == sys.executable
    assert spec["argv"][-4:] == ["-m", "ipykernel_launcher", "-f", "{connection_file}"]
    assert spec["env"] == {
        "DJANGO_SETTINGS_MODULE": "sandbox.settings",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    assert spec["language"] == "python"


def test_the_installed_kernel_is_this_environment():
    spec = KernelSpecManager().get_kernel_spec(kernelspec.KERNEL_NAME)
    # bin/python or bin/python3 of this environment (both name it; whoever installed last wins)
    assert Path(spec.argv[0]).parent == Path(sys.executable).parent
    assert spec.argv[1:] == kernelspec.kernel_json()["argv"][1:]
    assert spec.env["DJANGO_SETTINGS_MODULE"] == "sandbox.settings"
    assert spec.env["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"
