"""Hand the assignment out and take it back through nbgrader's exchange.

The hub's course (``<hub>/course``) is an ordinary workbook course: ``release`` copies its
candidate notebooks to the exchange's outbound folder, where every participant's Assignment
List finds them; ``collect`` takes each participant's latest submission from the inbound
folder and imports it with ``workbook collect``'s checks, ready for ``workbook autograde``.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config

from workbook.course import COURSE_ID, Course, course_config
from workbook.errors import CommandError
from workbook.pipeline import collect as importer
from workbook.workshop.folder import HubFolder


def _api(root, exchange, **coursedir):
    """An ``NbGraderAPI`` on the course at ``root`` using the exchange at ``exchange``."""
    config = course_config(root)
    overrides = Config()
    overrides.Exchange.root = str(Path(exchange).resolve())
    # Everyone in a workshop is the same system user: the exchange folder's owner says nothing.
    overrides.ExchangeCollect.check_owner = False
    for name, value in coursedir.items():
        setattr(overrides.CourseDirectory, name, value)
    config.merge(overrides)
    return NbGraderAPI(config=config)


def _check(result, step):
    if not result["success"]:
        said = (result.get("error") or result.get("log") or "").strip().splitlines()
        raise CommandError(f"nbgrader {step} failed: {said[-1] if said else 'no reason given'}")


def release(course, exchange):
    """Put ``course``'s candidate notebooks in the exchange (again, if already there)."""
    if not any(course.folder("release").glob("*.ipynb")):
        raise CommandError(f"{course.folder('release')} has no notebooks: release them first.")
    Path(exchange).mkdir(parents=True, exist_ok=True)
    api = _api(course.root, exchange)
    outbound = Path(exchange) / COURSE_ID / "outbound" / course.assignment
    if outbound.exists():
        api.unrelease(course.assignment)
    _check(api.release_assignment(course.assignment), "release_assignment")
    return outbound


def collect(course, exchange):
    """Import every participant's latest submission into ``course``; return what was done."""
    with tempfile.TemporaryDirectory(prefix="workbook-exchange-") as staging:
        api = _api(staging, exchange)
        _check(api.collect(course.assignment, update=True), "collect")
        submitted = Path(staging) / "submitted"
        ready = Path(staging) / "ready"
        ready.mkdir()
        for folder in sorted(submitted.glob(f"*/{course.assignment}")):
            shutil.move(folder, ready / folder.parent.name)  # the folder's name is the id
        if not any(ready.iterdir()):
            return importer.Collected()
        return importer.collect(course, [ready])


def run(args):
    hub = HubFolder(args.hub_folder)
    if not (hub.course / "release").is_dir():
        raise CommandError(f"{hub.root} holds no workshop course: start `workbook hub` first.")
    course = Course(hub.course)
    if args.action == "release":
        print(f"Released to the exchange: {release(course, hub.exchange)}")
        return 0
    result = collect(course, hub.exchange)
    importer.report(result, stream=sys.stdout)
    print(f"Next: workbook autograde --course {course.root}")
    return 1 if result.problems else 0
