"""Each person's JupyterLab on a workshop hub: a local process with its own home folder.

Participants get the candidate notebooks (fetched for them from the exchange unless the hub
was started with ``--no-prefetch``), nbgrader's Assignment List on the hub's exchange and no
instructor tools; the teacher gets the course folder (the instructor notebooks with their
solutions in ``source/``) and formgrader. Everyone gets the workbook's kernel by default.
"""

import json
import os
import shutil
import sys

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Bool, Unicode

from workbook.candidate.lab import INSTRUCTOR_PLUGINS, INSTRUCTOR_SERVER_EXTENSIONS, QUIET_PLUGINS
from workbook.course import COURSE_ID, course_config
from workbook.notebook import KERNEL_NAME
from workbook.paths import GRADING_DIR
from workbook.workshop.folder import HubFolder


def nbgrader_lines(hub, name, *, teacher):
    """The lines of one person's ``nbgrader_config.py``."""
    lines = [
        '"""nbgrader settings for one workshop server (written by workshop/spawner.py)."""',
        "c = get_config()  # noqa: F821",
        f"load_subconfig({str(GRADING_DIR / 'nbgrader_config.py')!r})  # noqa: F821",
        f"c.Exchange.root = {str(hub.exchange)!r}",
        f"c.Exchange.cache = {str(hub.home(name) / '.nbgrader-cache')!r}",
    ]
    if teacher:
        course = course_config(hub.course).CourseDirectory
        lines += [
            f"c.CourseDirectory.root = {course.root!r}",
            f"c.CourseDirectory.db_url = {course.db_url!r}",
        ]
    else:
        # Everyone runs as one system user: the hub's name, not the system's, says who submits.
        lines.append(f"c.CourseDirectory.student_id = {name!r}")
    return lines + [""]


def write_config(hub, name, *, teacher):
    """Write one person's Jupyter configuration folder and return it."""
    folder = hub.jupyter_config(name)
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    (folder / "nbgrader_config.py").write_text(
        "\n".join(nbgrader_lines(hub, name, teacher=teacher))
    )
    disabled = QUIET_PLUGINS + ([] if teacher else INSTRUCTOR_PLUGINS)
    page_config = {"disabledExtensions": {plugin: True for plugin in disabled}}
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page_config, indent=1))
    server = {"MappingKernelManager": {"default_kernel_name": KERNEL_NAME}}
    if not teacher:
        server["ServerApp"] = {
            "jpserver_extensions": {ext: False for ext in INSTRUCTOR_SERVER_EXTENSIONS}
        }
    (folder / "jupyter_server_config.json").write_text(json.dumps(server, indent=1))
    return folder


def prefetch(hub, name, assignment):
    """Copy the released assignment into a participant's home, as nbgrader's fetch would,
    unless they have it already (their work is never overwritten)."""
    target = hub.home(name) / assignment
    outbound = hub.exchange / COURSE_ID / "outbound" / assignment
    if not target.exists() and outbound.is_dir():
        shutil.copytree(outbound, target)
    return target


class WorkshopSpawner(SimpleLocalProcessSpawner):
    """``SimpleLocalProcessSpawner`` with the workbook's per-person configuration."""

    hub_folder = Unicode(help="The hub's folder (``workbook hub --folder``).").tag(config=True)
    teacher = Unicode("teacher", help="The teacher's name.").tag(config=True)
    assignment = Unicode("workbook", help="The assignment handed out.").tag(config=True)
    prefetch = Bool(True, help="Fetch the assignment for each participant.").tag(config=True)

    @property
    def hub_paths(self):
        return HubFolder(self.hub_folder)

    @property
    def is_teacher(self):
        return self.user.name == self.teacher

    def get_args(self):
        args = super().get_args()
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
            args.append("--allow-root")
        return args

    def get_env(self):
        env = super().get_env()
        home = self.hub_paths.home(self.user.name)
        env["JUPYTER_CONFIG_PATH"] = str(self.hub_paths.jupyter_config(self.user.name))
        env["WORKBOOK_STATE_DIR"] = str(home / ".workbook-state")  # the kernels' databases
        env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), env.get("PATH", "")])
        return env

    async def start(self):
        hub, name = self.hub_paths, self.user.name
        hub.home(name).mkdir(parents=True, exist_ok=True)
        write_config(hub, name, teacher=self.is_teacher)
        if self.is_teacher:
            self.notebook_dir = str(hub.course)
        elif self.prefetch:
            prefetch(hub, name, self.assignment)
        return await super().start()
