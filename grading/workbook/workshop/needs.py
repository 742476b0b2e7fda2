"""What a workshop hub needs on this machine besides the workbook (standard library only)."""

import importlib.util
import shutil

INSTALL_HUB = "pip install -e '.[workshop]'"
INSTALL_PROXY = "npm install -g configurable-http-proxy (Node.js's package manager)"


def hub_problem():
    """Why a workshop hub cannot start here and how to install what is missing, or ``None``."""
    if importlib.util.find_spec("jupyterhub") is None:
        return f"JupyterHub is not installed: {INSTALL_HUB}"
    if not shutil.which("configurable-http-proxy"):
        return f"configurable-http-proxy is not installed: {INSTALL_PROXY}"
    return None
