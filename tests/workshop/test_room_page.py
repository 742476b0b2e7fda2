"""The live view's page, rendered from a snapshot: what the teacher reads at a glance."""

from workbook.workshop.live import Column, Snapshot
from workbook.workshop.room import page

COLUMNS = [
    Column("00_orientation.ipynb", "orientation_count", "Task 1 · Count public audio"),
    Column("00_orientation.ipynb", "orientation_top", "Task 2 · The most played creators"),
]


def test_the_page_counts_participants_and_names_tasks_by_their_titles():
    snapshot = Snapshot(["ada", "<bob>"], COLUMNS, passing={("ada", "orientation_count"): True})
    html = page(snapshot, every=2)
    assert "The room: 2 participants" in html
    assert "1 of 2 have Task 1 · Count public audio passing" in html
    assert '<th title="Task 2 · The most played creators">00 · Task 2</th>' in html
    assert "orientation_top</th>" not in html  # grade ids are for machines
    assert "&lt;bob&gt;" in html and "<bob>" not in html  # names are escaped


def test_one_participant_is_not_plural():
    assert "The room: 1 participant<" in page(Snapshot(["ada"], COLUMNS), every=2)
