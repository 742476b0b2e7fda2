"""Install the Jupyter kernel the notebooks name: ``python -m workbench.kernelspec``."""

import json
import sys
import tempfile
from pathlib import Path

KERNEL_NAME = "django-workbook"
DISPLAY_NAME = "Django Workbook"


def kernel_json():
    """Return the kernelspec: this Python, with the settings Django needs in a notebook."""
    return {
        "argv": [
            sys.executable,
            "-Xfrozen_modules=off",
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
        ],
        "display_name": DISPLAY_NAME,
        "language": "python",
        "env": {
            "DJANGO_SETTINGS_MODULE": "sandbox.settings",
            # Cells run inside an event loop; see workbench.boot.
            "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
        },
        "metadata": {"debugger": True},
    }


def install(prefix=sys.prefix):
    """Install the kernelspec into ``prefix`` (this environment) and return its folder."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "kernel.json").write_text(json.dumps(kernel_json(), indent=2))
        # Imported here, not above: modules that only need KERNEL_NAME stay quick to import.
        from jupyter_client.kernelspec import KernelSpecManager

        return KernelSpecManager().install_kernel_spec(folder, KERNEL_NAME, prefix=prefix)


if __name__ == "__main__":
    print(f"Installed the {DISPLAY_NAME!r} kernel in {install()}")
