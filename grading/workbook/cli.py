"""``workbook``: one command with a subcommand per step, for graders, teachers and candidates.

Each subcommand lives in its own module, which offers ``add_parser(subparsers)``; the parser
it adds carries ``func`` (called with the parsed arguments, returning an exit status). A
``CommandError`` is printed as one line and ends the command with status 2.
"""

import argparse
import sys
import warnings

from workbook import (
    autograde,
    check,
    collect,
    export,
    feedback,
    grade,
    lab,
    release,
    report,
    reset,
)
from workbook.errors import CommandError

COMMANDS = [lab, check, reset, release, collect, autograde, feedback, export, report, grade]


def build_parser():
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Django Interview Workbook: practise, grade and report.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv=None):
    """Run one subcommand and return its exit status."""
    args = build_parser().parse_args(argv)
    # nbgrader's gradebook code trips this SQLAlchemy warning on every autograde; it says
    # nothing a grader can act on.
    warnings.filterwarnings("ignore", message="Object of type .* not in session")
    try:
        return args.func(args) or 0
    except CommandError as error:
        print(f"workbook {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
