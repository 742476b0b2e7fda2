"""An nbgrader course folder driven through nbgrader's own Python API."""

import os
import shutil
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from workbook.notebook import NOT_RELEASED
from workbook.paths import GRADING_DIR

ASSIGNMENT = "workbook"
COURSE_ID = "django-interview-workbook"  # grading/nbgrader_config.py and the lab read it here


def _put_environment_on_path():
    """Let nbgrader find ``alembic``, which it runs by name when it opens a gradebook."""
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def course_config(root):
    """Return ``grading/nbgrader_config.py`` with the course rooted at ``root``."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(GRADING_DIR)).load_config()
    root = Path(root).resolve()
    overrides = Config()
    overrides.CourseDirectory.root = str(root)
    overrides.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.merge(overrides)
    return config


class Course:
    """One nbgrader course folder: source, release, submitted, autograded, gradebook."""

    def __init__(self, root, assignment=ASSIGNMENT):
        self.root = Path(root).resolve()
        self.assignment = assignment
        self.root.mkdir(parents=True, exist_ok=True)
        _put_environment_on_path()
        self.config = course_config(self.root)
        self.api = NbGraderAPI(config=self.config)

    @property
    def db_url(self):
        return self.config.CourseDirectory.db_url

    def folder(self, step, student="."):
        """Return ``<root>/<step>/<student>/<assignment>`` (``student`` is ``.`` for source)."""
        return (self.root / step / student / self.assignment).resolve()

    def students(self, step="submitted"):
        """Return the ids of the students with this assignment in ``step`` (``submitted``,
        ``autograded``, ``feedback``), sorted."""
        folder = self.root / step
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / self.assignment).is_dir())

    def add_sources(self, notebooks):
        """Copy instructor notebooks into the course's source folder."""
        source = self.folder("source")
        source.mkdir(parents=True, exist_ok=True)
        for notebook in notebooks:
            shutil.copyfile(notebook, source / Path(notebook).name)

    def add_source_folder(self, folder):
        """Copy an assignment's source folder: its notebooks and every file beside them.

        Data files, ``autotests.yml`` and images go to the candidates with the notebooks
        (nbgrader releases them) and to the kernels that grade them. The workbook's answer
        fixtures (``*_answers/``) never do.
        """
        skip = shutil.ignore_patterns(*NOT_RELEASED, *self.config.CourseDirectory.ignore)
        shutil.copytree(folder, self.folder("source"), ignore=skip, dirs_exist_ok=True)

    def generate(self):
        """Build the candidate version (``release/``) and record the cells in the gradebook."""
        self._check(self.api.generate_assignment(self.assignment), "generate_assignment")
        return sorted(self.folder("release").glob("*.ipynb"))

    def submit(self, student, notebooks):
        """Place ``{file name: NotebookNode}`` as ``student``'s submission."""
        folder = self.folder("submitted", student)
        folder.mkdir(parents=True, exist_ok=True)
        for name, notebook in notebooks.items():
            nbformat.write(notebook, folder / name)

    def autograde(self, student):
        """Grade ``student``'s submission with ``nbgrader autograde``."""
        self._check(self.api.autograde(self.assignment, student), f"autograde {student}")

    def scores(self, student, notebook):
        """Return ``{grade_id: (score, max_score)}`` for one graded notebook."""
        with Gradebook(self.db_url) as gradebook:
            submission = gradebook.find_submission_notebook(notebook, self.assignment, student)
            return {grade.name: (grade.score, grade.max_score) for grade in submission.grades}

    def _check(self, result, step):
        if not result["success"]:
            raise RuntimeError(f"nbgrader {step} failed:\n{result.get('error') or result['log']}")
