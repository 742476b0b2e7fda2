"""Similarity: normalised token fingerprints, minus the stub and the reference solution."""

import pytest
from reporting_course import (
    COUNT,
    NOTEBOOK,
    PROSE,
    PROSE_ANSWERS,
    TOP,
    TWIN_A,
    TWIN_B,
    TWINS,
)
from workbook.review import similarity

pytestmark = pytest.mark.xdist_group("grader-outputs")

STUB = "def f(rows):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"
KEY = ("nb", "task")
BASE = {KEY: [STUB, "def f(rows):\n    return sorted(rows)\n"]}
UNUSUAL = """def f(rows):
    seen = {}
    for index, row in enumerate(rows):
        seen.setdefault(row["group"], []).append((row["score"] * 2, index))
    return [max(values)[1] for values in seen.values() if len(values) > 1]
"""
DISGUISED = """def f(items):
    # group them first
    buckets = {}
    for i, item in enumerate(items):   # walk
        buckets.setdefault(item["group"], []).append((item["score"] * 2, i))

    return [max(v)[1] for v in buckets.values() if len(v) > 1]
"""
OTHER = """def f(rows):
    from collections import defaultdict
    groups = defaultdict(list)
    for row in rows:
        groups[row.get("group")].append(row)
    return sorted(len(g) for g in groups.values())
"""


def test_comments_layout_and_chosen_names_do_not_matter():
    assert similarity.tokens(UNUSUAL) == similarity.tokens(DISGUISED)
    assert similarity.tokens(UNUSUAL) != similarity.tokens(OTHER)


def test_attribute_names_and_strings_matter():
    assert similarity.tokens("x.count()") != similarity.tokens("x.exists()")
    assert similarity.tokens('f("a")') != similarity.tokens('f("b")')


def test_broken_code_still_tokenises():
    assert similarity.tokens("%timeit f(\nif x ==") != []


def test_prose_compares_as_words():
    assert similarity.tokens("Count() runs SQL.", markdown=True) == ["count", "runs", "sql"]


def test_copied_answers_are_flagged():
    answers = {"ann": {KEY: UNUSUAL}, "bob": {KEY: DISGUISED}, "cy": {KEY: OTHER}}
    (pair,) = similarity.compare(answers, BASE)
    assert (pair.a, pair.b, pair.score) == ("ann", "bob", 1.0)
    assert [(m.notebook, m.cell) for m in pair.cells] == [KEY]


@pytest.mark.parametrize("shared", [STUB, BASE[KEY][1]], ids=["stub", "reference"])
def test_stub_and_reference_are_not_evidence(shared):
    answers = {"ann": {KEY: shared}, "bob": {KEY: shared}}
    assert similarity.compare(answers, BASE, min_size=0) == []


def test_tiny_answers_get_no_verdict():
    answers = {"ann": {KEY: "def f(rows):\n    return list(rows)\n"}}
    answers["bob"] = answers["ann"]
    assert similarity.compare(answers, BASE) == []
    assert similarity.compare(answers, BASE, min_size=0)[0].score == 1.0


def test_threshold_separates():
    answers = {"ann": {KEY: UNUSUAL}, "bob": {KEY: OTHER}}
    assert similarity.compare(answers, BASE) == []
    (pair,) = similarity.compare(answers, BASE, threshold=0.0, min_size=0)
    assert pair.score < 0.2


def test_course_flags_exactly_the_twins(graded):
    pairs = similarity.similar_pairs(graded.course)
    assert [(p.a, p.b) for p in pairs] == [TWINS]
    (pair,) = pairs
    assert pair.score >= similarity.THRESHOLD
    matched = {m.cell: (m.source_a, m.source_b) for m in pair.cells}
    expected = {task: (TWIN_A[task], TWIN_B[task]) for task in (COUNT, TOP)}
    expected[f"{PROSE}_answer"] = tuple(PROSE_ANSWERS[twin] for twin in TWINS)
    assert matched == expected
    assert {m.notebook for m in pair.cells} == {NOTEBOOK}


def test_prose_answers_are_compared_against_their_stub(graded):
    answers, base, markdown = similarity.answers_and_stubs(graded.course)
    key = (NOTEBOOK, f"{PROSE}_answer")
    assert key in markdown and base[key] == ["_Write your answer here._"]
    assert answers["twin_a"][key] == PROSE_ANSWERS["twin_a"]
    assert answers["stub"][key] == "_Write your answer here._"


def test_honest_pairs_stay_well_below_the_threshold(graded):
    scores = {
        (p.a, p.b): p.score
        for p in similarity.similar_pairs(graded.course, threshold=0.0, min_size=0)
    }
    honest = {pair: score for pair, score in scores.items() if pair != TWINS}
    assert honest and max(honest.values()) < similarity.THRESHOLD / 2, honest
