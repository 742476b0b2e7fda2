"""``workbook lab``: open JupyterLab on the workbook with the sandbox kernel installed."""

import os
import sys

from workbench.kernelspec import install

from workbook.course import NOTEBOOKS_DIR


def add_parser(subparsers):
    parser = subparsers.add_parser("lab", help="open JupyterLab on the workbook")
    parser.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default 8888)")
    parser.add_argument("--no-browser", action="store_true", help="print the URL, open nothing")
    parser.set_defaults(func=run)


def run(args):
    install()
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={NOTEBOOKS_DIR}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={args.port}",
    ]
    if args.no_browser or not os.environ.get("DISPLAY"):
        argv.append("--no-browser")
    print("Starting JupyterLab: open the URL it prints below (Ctrl+C stops it).", flush=True)
    os.execv(sys.executable, argv)
