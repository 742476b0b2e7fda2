"""pyproject.toml and environment.yml describe the same dependency set."""

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
# conda-forge names that differ from the PyPI names.
CONDA_NAMES = {"redis-py": "redis", "playwright-python": "playwright"}
NOT_DEPENDENCIES = {"python", "pip"}


def _split(requirement):
    """Return ``(normalised name, specifier)``; conda's ``x=1`` means pip's ``x==1``."""
    name, _extras, spec = re.fullmatch(r"([\w.\-]+)(\[.*\])?\s*(.*)", requirement).groups()
    name = name.lower().replace("_", "-")
    spec = re.sub(r"^=(?=[^=])", "==", spec.replace(" ", ""))
    return CONDA_NAMES.get(name, name), spec


def pyproject_requirements():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(map(_split, requirements))


def environment_requirements():
    dependencies = yaml.safe_load((REPO / "environment.yml").read_text())["dependencies"]
    conda = dict(_split(item) for item in dependencies if isinstance(item, str))
    pip = [item for entry in dependencies if isinstance(entry, dict) for item in entry["pip"]]
    conda.update(_split(item) for item in pip if not item.startswith("-"))
    return {name: spec for name, spec in conda.items() if name not in NOT_DEPENDENCIES}


def test_environment_matches_pyproject():
    environment, pyproject = environment_requirements(), pyproject_requirements()
    assert "django" in pyproject and "nbgrader" in pyproject
    assert environment == pyproject, (
        "environment.yml and pyproject.toml list different dependencies: "
        f"only in environment.yml {sorted(environment.items() - pyproject.items())}, "
        f"only in pyproject.toml {sorted(pyproject.items() - environment.items())}."
    )


def test_the_command_line_imports_nothing_heavy_to_answer():
    """`workbook X --help` imports no grading machinery: it answers at once (bench_cli.py)."""
    import subprocess
    import sys

    code = (
        "import sys; from workbook import cli; cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'nbgrader', 'nbformat', 'jupyter_client', 'nbclient', 'django', 'sqlalchemy'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout
