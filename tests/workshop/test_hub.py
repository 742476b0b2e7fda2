"""A workshop from start to grades, on a real JupyterHub with configurable-http-proxy.

The teacher (an admin) creates two participants; each starts a server through the hub's
REST API, fetches the assignment from nbgrader's exchange through their server's Assignment
List API, answers one task (one right, one with a classic mistake), saves and submits. The
live view shows both before anything is submitted; then ``workbook exchange collect`` and
``workbook autograde`` give the scores the answers deserve.
"""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from hubtools import NOTEBOOK, TASK, WRONG, answer, right_answer, wait_until
from workbook.course import COURSE_ID, Course

pytestmark = [pytest.mark.hub, pytest.mark.sandbox, pytest.mark.xdist_group("workshop-hub")]

ASSIGNMENT = {"course_id": COURSE_ID, "assignment_id": "workbook"}
ROOM_SECONDS = 240  # two notebooks checked in sandboxed kernels on a busy machine


def workbook(*arguments):
    command = [str(Path(sys.executable).parent / "workbook"), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"workbook {arguments[0]}: {done.stdout}\n{done.stderr}"
    return done.stdout


def save(person, notebook):
    body = {"type": "notebook", "format": "json", "content": notebook}
    person.server("PUT", f"/api/contents/workbook/{NOTEBOOK}", json=body)


def room_status(teacher):
    """The live view's data, fetched as the teacher's browser would (the hub's OAuth)."""
    reply = teacher.session.get(f"{teacher.hub.url}/services/room/status.json", timeout=60)
    reply.raise_for_status()
    return reply.json()


def test_a_workshop_from_login_to_grades(hub):
    teacher = hub.user("teacher")
    assert teacher.hub_api("GET", "/users/teacher")["admin"], "the teacher must be an admin"
    teacher.hub_api("POST", "/users", json={"usernames": ["ada", "bob"]})
    ada, bob = hub.user("ada"), hub.user("bob")

    answers = {"ada": right_answer(), "bob": WRONG.read_text()}
    for person in (ada, bob):
        person.start_server()
        listed = person.server("GET", "/assignments", params={"course_id": COURSE_ID})
        released = [a for a in listed["value"] if a["status"] == "released"]
        assert [a["assignment_id"] for a in released] == ["workbook"], listed
        fetched = person.server("POST", "/assignments/fetch", data=ASSIGNMENT)
        assert fetched["success"], fetched
        model = person.server("GET", f"/api/contents/workbook/{NOTEBOOK}")
        notebook = nbformat.from_dict(model["content"])
        save(person, answer(notebook, TASK, answers[person.name]))

    # Participants cannot open the live view; the teacher sees both, before any submission.
    denied = ada.session.get(f"{hub.url}/services/room/status.json", timeout=60)
    assert denied.status_code == 403 or "status.json" not in denied.url, denied.status_code

    def both_checked():
        status = room_status(teacher)
        names = status["participants"]
        done = names == ["ada", "bob"] and not status["pending"]
        return status if done and TASK in status["passing"]["ada"] else None

    status = wait_until(both_checked, ROOM_SECONDS, "the live view showing ada's pass")
    assert TASK not in status["passing"]["bob"]
    task = next(t for t in status["tasks"] if t["id"] == TASK)
    assert task["passing"] == 1 and task["summary"].startswith("1 of 2 have "), task
    assert not any((hub.folder.course / "submitted").glob("*")), "nothing is submitted yet"

    for person in (ada, bob):
        submitted = person.server("POST", "/assignments/submit", data=ASSIGNMENT)
        assert submitted["success"], submitted

    # The teacher is nbgrader's instructor: formgrader sees the course and both submissions
    # once collected; participants have no formgrader at all.
    teacher.start_server()
    assert (
        ada.api.get(f"{hub.url}/user/ada/formgrader/api/assignments", timeout=60).status_code == 404
    )

    said = workbook("exchange", "collect", f"--hub-folder={hub.folder.root}")
    assert "ada" in said and "bob" in said, said
    workbook("autograde", f"--course={hub.folder.course}")
    assignments = teacher.server("GET", "/formgrader/api/assignments")
    (listed,) = [a for a in assignments if a["name"] == "workbook"]
    assert listed["num_submissions"] == 2, listed
    course = Course(hub.folder.course)
    test_id = f"{TASK}_tests"
    score, most = course.scores("ada", "00_orientation")[test_id]
    assert most > 0 and score == most
    assert course.scores("bob", "00_orientation")[test_id][0] == 0
