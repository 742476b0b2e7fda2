"""``workbook release``: candidate notebooks and a bundle that carries nothing secret."""

import zipfile

import pytest
from workbook.cli import COMMANDS
from workbook.notebook import instructor_markers
from workbook.paths import NOTEBOOKS_DIR
from workbook.pipeline.release import TOP, check_clean, release

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    source = tmp_path_factory.mktemp("source")
    (source / SOURCE.name).write_bytes(SOURCE.read_bytes())
    course, bundle = release(source, tmp_path_factory.mktemp("build"))
    return course, bundle, zipfile.ZipFile(bundle).namelist()


def test_candidate_notebooks_and_gradebook_are_built(released):
    course, _, _ = released
    assert (course.folder("release") / SOURCE.name).exists()
    assert (course.root / "gradebook.db").exists()


@pytest.mark.parametrize(
    "needed",
    [
        f"notebooks/{SOURCE.name}",
        "sandbox_project/manage.py",
        "sandbox_project/workbench/boot.py",
        "grading/workbook/cli.py",
        "grading/nbgrader_config.py",
        "pyproject.toml",
        "environment.yml",
        "Makefile",
        "README.md",
    ],
)
def test_bundle_has_what_make_lab_needs(released, needed):
    assert f"{TOP}/{needed}" in released[2]


@pytest.mark.parametrize(
    "secret",
    [
        "tests/",
        "wrong_answers/",
        "requirement_answers/",
        "alternative_answers/",
        ".git/",
        "__pycache__/",
    ],
)
def test_bundle_has_no_secret_folder(released, secret):
    assert not [name for name in released[2] if f"/{secret}" in name]


def test_bundle_notebooks_hold_no_solution_or_rubric(released):
    _, bundle, names = released
    with zipfile.ZipFile(bundle) as archive:
        for name in names:
            if name.endswith(".ipynb"):
                text = archive.read(name).decode()
                assert not instructor_markers(text), name


def test_a_leak_stops_the_release():
    with pytest.raises(RuntimeError, match="BEGIN HIDDEN TESTS"):
        check_clean("x.ipynb", "### BEGIN HIDDEN TESTS\n")


def test_bundle_readme_says_where_the_work_is_and_how_to_send_it(released):
    _, bundle, _ = released
    readme = zipfile.ZipFile(bundle).read(f"{TOP}/README.md").decode()
    submit = readme.split("## Submit", 1)[1]
    assert "`build/workspace/`" in submit
    assert "workbook submit --name jane-doe" in submit and "submit" in {c.name for c in COMMANDS}
    assert "`build/submission/jane-doe.zip`" in submit
