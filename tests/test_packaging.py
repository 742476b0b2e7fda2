"""pyproject.toml and environment.yml describe the same project, and it installs quietly."""

import re
import shutil
import subprocess
import sys
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


def pyproject():
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def environment_dependencies():
    return yaml.safe_load((REPO / "environment.yml").read_text())["dependencies"]


def pyproject_requirements():
    project = pyproject()
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(map(_split, requirements))


def environment_requirements():
    dependencies = environment_dependencies()
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


def test_environment_yml_asks_for_the_pythons_pyproject_supports():
    conda = dict(_split(item) for item in environment_dependencies() if isinstance(item, str))
    assert conda["python"] == pyproject()["requires-python"] == ">=3.11,<3.14"


def test_installing_the_workbook_prints_no_banner(tmp_path):
    """`make lab`'s own pip line installs the project (editable) without a setuptools banner."""
    project = tmp_path / "project"
    for name in ("sandbox_project", "grading"):
        ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
        shutil.copytree(REPO / name, project / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, project / name)
    show_pip = "show-pip: ; @: $(info $(PIP))"
    pip = subprocess.run(
        [
            "make",
            "-s",
            "--no-print-directory",
            "--eval",
            show_pip,
            "show-pip",
            f"VENV={sys.prefix}",
        ],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    # A fresh, empty venv to install into: the environment running the tests is not touched.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    command = f"{pip} --python {venv}/bin/python install --quiet --no-deps -e {project}"
    install = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=300)

    said = install.stdout + install.stderr
    assert install.returncode == 0, said
    assert "Warning" not in said and "!!" not in said, said
    (metadata,) = venv.glob("lib/python*/site-packages/django_interview_workbook-*/METADATA")
    assert "License-Expression: MIT" in metadata.read_text().splitlines()


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


def test_grading_processes_leave_out_jsonschemas_iri_grammars():
    """rfc3987_syntax (installed with Jupyter's event schemas) compiles Lark grammars for about
    a second as it loads; nbformat's validation never uses it, so grading processes skip it."""
    import subprocess
    import sys

    code = (
        "import importlib.util, sys; installed = importlib.util.find_spec('rfc3987_syntax'); "
        "import workbook.pipeline.grading; "
        "print(installed is not None, sys.modules.get('rfc3987_syntax'))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "None"], run.stdout
