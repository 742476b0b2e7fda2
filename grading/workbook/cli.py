"""``workbook``: one command with a subcommand per step, for graders, teachers and candidates.

Every subcommand is one row of ``COMMANDS``: its name, what it does, the function that adds
its options, and the module function that runs it (``"module:function"``, called with the
parsed arguments and returning an exit status). Only that module is imported, and only when
the command runs, so ``workbook --help`` and ``workbook X --help`` answer at once. A
``CommandError`` is printed as one line and ends the command with status 2.
"""

import argparse
import importlib
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import CommandError
from workbook.isolation.limits import Limits
from workbook.paths import BUILD_DIR, DEFAULT_COURSE, NOTEBOOKS_DIR


def _lab(parser):
    parser.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default 8888)")
    parser.add_argument("--no-browser", action="store_true", help="print the URL, open nothing")
    parser.add_argument("--token", help="the server's access token (default: a random one)")
    parser.add_argument(
        "--instructor",
        action="store_true",
        help="open the instructor notebooks (solutions, hidden tests) and formgrader, for "
        "teachers and graders",
    )
    parser.add_argument(
        "--course",
        type=Path,
        help="with --instructor: the course formgrader grades (default build/course, the one "
        "`workbook grade` fills)",
    )
    parser.add_argument(
        "--root",
        help="the repository or candidate bundle to work in (default: the one this command "
        "is installed from)",
    )


def _check(parser):
    parser.add_argument(
        "notebook", nargs="?", help="one notebook (e.g. 02 or 02_name); all if left out"
    )
    parser.add_argument("--hint", action="store_true", help="print the hint of the next task")
    parser.add_argument("--workspace", help="workspace folder (default: found automatically)")
    parser.add_argument("-j", "--jobs", type=int, help="notebooks checked at once")


def _reset(parser):
    parser.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="e.g. 02 or 02_name")
    parser.add_argument("--all", action="store_true", help="reset every notebook")
    parser.add_argument("--workspace", help="workspace folder (default: found automatically)")


def _submit(parser):
    parser.add_argument(
        "--name", help="your name, the candidate id (default: your login name), e.g. jane-doe"
    )
    parser.add_argument("--workspace", help="workspace folder (default: found automatically)")


def _release(parser):
    parser.add_argument(
        "--source", type=Path, default=NOTEBOOKS_DIR, help="instructor notebooks folder"
    )
    parser.add_argument("--out", type=Path, default=BUILD_DIR, help="output folder (build/)")


def _course(parser):
    parser.add_argument(
        "--course", type=Path, default=DEFAULT_COURSE, help="course folder (default build/course)"
    )


def _collect(parser):
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _course(parser)


def _limits(parser):
    default = Limits()
    group = parser.add_argument_group("limits (per notebook)")
    group.add_argument(
        "--workers", type=int, default=None, help="parallel graders (default: cores)"
    )
    group.add_argument("--timeout", type=int, default=default.timeout, help="seconds per cell")
    group.add_argument("--memory", type=int, default=default.memory_mb, help="MB per kernel")
    group.add_argument("--processes", type=int, default=default.processes, help="per kernel")
    group.add_argument("--file-size", type=int, default=default.file_size_mb, help="MB per file")
    group.add_argument("--output-kb", type=int, default=default.output_kb, help="KB of output")
    group.add_argument("--disk", type=int, default=default.disk_mb, help="MB written to disk")
    sandbox = parser.add_argument_group("sandbox")
    sandbox.add_argument(
        "--no-sandbox",
        dest="sandbox",
        action="store_false",
        help="run submitted code UNCONFINED, with your rights (DANGEROUS: only for submissions "
        "you trust; by default grading refuses to start without a usable bubblewrap sandbox)",
    )
    sandbox.add_argument(
        "--hide", action="append", default=[], metavar="DIR", help="another folder to hide"
    )


def _scheduler(parser):
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="grade on this Dask scheduler's workers, one task per submission, instead of "
        "here (needs the `cluster` extra; see README)",
    )


def _autograde(parser):
    _course(parser)
    parser.add_argument(
        "--student", action="append", default=None, help="grade only this student (repeatable)"
    )
    _limits(parser)
    _scheduler(parser)


def _output(default):
    def add(parser):
        _course(parser)
        parser.add_argument(
            "--out",
            type=Path,
            default=None,
            help=f"(default {default}; <results> is the folder `workbook grade --out` used, "
            "else <course>/results)",
        )

    return add


def _grade(parser):
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="zips or folders")
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for the results, remembered for `workbook finish` (default: the one "
        "used before, else <course>/results)",
    )
    _course(parser)
    _limits(parser)
    _scheduler(parser)


def _finish(parser):
    _course(parser)
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for the results (default: the one `workbook grade --out` used)",
    )


def _hub_folder(parser):
    parser.add_argument(
        "--hub-folder", type=Path, default=BUILD_DIR / "hub", help="the hub's folder (build/hub)"
    )


def _hub(parser):
    _hub_folder(parser)
    parser.add_argument("--ip", default="127.0.0.1", help="0.0.0.0 to serve the room's network")
    parser.add_argument("--port", type=int, default=8000, help="the address's port (8000)")
    parser.add_argument(
        "--auth",
        choices=["shared", "first-use", "dummy"],
        default="shared",
        help="shared: one workshop password (default); first-use: each sets their own at "
        "first login; dummy: any password, for trials only",
    )
    parser.add_argument("--password", help="the workshop password (default: a generated one)")
    parser.add_argument("--teacher", default="teacher", help="the teacher's login name")
    parser.add_argument(
        "--no-prefetch",
        dest="prefetch",
        action="store_false",
        help="participants fetch the notebooks from their Assignment List themselves",
    )
    parser.add_argument("--every", type=int, default=5, help="live view refresh, in seconds")
    parser.add_argument(
        "--source", type=Path, default=NOTEBOOKS_DIR, help="instructor notebooks folder"
    )


def _room(parser):
    _hub_folder(parser)
    parser.add_argument("--port", type=int, default=8010, help="port on 127.0.0.1 (8010)")
    parser.add_argument("--every", type=int, default=5, help="refresh, in seconds")
    parser.add_argument("--workers", type=int, default=2, help="notebooks checked at once")


def _exchange(parser):
    parser.add_argument("action", choices=["release", "collect"])
    _hub_folder(parser)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: object  # (parser) -> None
    run: str  # "module:function"
    description: str = ""


COMMANDS = [
    Command(
        "lab",
        "open JupyterLab on your workspace of candidate notebooks",
        _lab,
        "workbook.candidate.lab:run",
        "Create or update your workspace (build/workspace/) without overwriting your edits, "
        "then open JupyterLab on it.",
    ),
    Command(
        "check",
        "run the visible tests of your notebooks and show your progress",
        _check,
        "workbook.candidate.check:run",
        "Run the visible tests of your saved notebooks (a copy of each, so your files are not "
        "changed) and show tasks passed, points, the next task and its hint.",
    ),
    Command(
        "reset",
        "put a notebook (or all) back to its starting version, backing up yours",
        _reset,
        "workbook.candidate.reset:run",
        "Put notebooks back to the starting (candidate) version. Your current version is "
        "copied first to .backups/<timestamp>/ inside the workspace.",
    ),
    Command(
        "submit",
        "pack your answered notebooks into the one zip to send",
        _submit,
        "workbook.candidate.submit:run",
        "Pack the notebooks you have worked on (no backups, updates or unchanged notebooks) "
        "into build/submission/<name>.zip, beside your workspace; list what is in it and warn "
        "about tasks still unanswered. Runs no code.",
    ),
    Command(
        "release",
        "build candidate notebooks and the bundle",
        _release,
        "workbook.pipeline.release:run",
    ),
    Command(
        "collect",
        "import submissions (zip files or folders)",
        _collect,
        "workbook.pipeline.collect:run",
    ),
    Command(
        "autograde",
        "grade every collected submission (parallel, sandboxed)",
        _autograde,
        "workbook.pipeline.autograde:run",
    ),
    Command(
        "feedback",
        "write each candidate's feedback pages (hidden tests not shown)",
        _output("<results>/feedback"),
        "workbook.pipeline.feedback:run",
    ),
    Command(
        "export",
        "write grades.csv: one row per candidate, one column per notebook",
        _output("<results>/grades.csv"),
        "workbook.pipeline.export:run",
    ),
    Command(
        "report",
        "write report.html: scores, plots, tampering and similarity flags",
        _output("<results>/report.html"),
        "workbook.review.report:run",
    ),
    Command(
        "grade",
        "collect, autograde, feedback, export and report in one go",
        _grade,
        "workbook.pipeline.grade:run",
    ),
    Command(
        "finish",
        "after grading by hand: grades.csv, feedback and report with those grades",
        _finish,
        "workbook.pipeline.finish:run",
        "After grading prose answers in formgrader (`workbook lab --instructor`), write "
        "grades.csv, the feedback pages and report.html again, into the folder `workbook grade "
        "--out` used. Blank prose answers score 0 without anyone grading them.",
    ),
    Command(
        "hub",
        "start a JupyterHub for a workshop room, with the live view",
        _hub,
        "workbook.workshop.hub:run",
    ),
    Command(
        "room",
        "serve the live view of a workshop hub's participants",
        _room,
        "workbook.workshop.room:run",
    ),
    Command(
        "exchange",
        "release to, or collect from, a workshop hub's nbgrader exchange",
        _exchange,
        "workbook.workshop.exchange:run",
    ),
]


def build_parser():
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Django Interview Workbook: practise, grade and report.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name, help=command.help, description=command.description or command.help
        )
        command.options(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv=None):
    """Run one subcommand and return its exit status."""
    args = build_parser().parse_args(argv)
    module, function = args.run.split(":")
    # nbgrader's gradebook code trips this SQLAlchemy warning on every autograde; it says
    # nothing a grader can act on.
    warnings.filterwarnings("ignore", message="Object of type .* not in session")
    try:
        return getattr(importlib.import_module(module), function)(args) or 0
    except CommandError as error:
        print(f"workbook {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
