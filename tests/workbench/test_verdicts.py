"""``workbench.verdicts``: candidate values reach a comparison only as plain built-in types."""

import datetime
import decimal
from collections import Counter, OrderedDict, namedtuple

import pytest
from workbench.verdicts import assert_equal, plain, query_count


class Liar:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


class LyingInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__

    def __int__(self):
        return 999


class LyingStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__

    def __str__(self):
        return "anything"


class LyingList(list):
    def __eq__(self, other):
        return True

    def __iter__(self):
        return iter(["forged"])


class LyingDict(dict):
    def __eq__(self, other):
        return True

    def items(self):
        return [("forged", 1)]


Point = namedtuple("Point", "x y")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LyingInt(3), 3),
        (LyingStr("abc"), "abc"),
        (LyingList([1, 2]), [1, 2]),
        (LyingDict(a=1), {"a": 1}),
        (Point(1, 2), (1, 2)),
        (OrderedDict(a=1), {"a": 1}),
        (Counter("aab"), {"a": 2, "b": 1}),
        ((x for x in (1, 2)), [1, 2]),
        ({LyingInt(1)}, {1}),
        (frozenset({"a"}), frozenset({"a"})),
        (decimal.Decimal("1.50"), decimal.Decimal("1.5")),
        (datetime.date(2024, 1, 1), datetime.date(2024, 1, 1)),
        (None, None),
    ],
    ids=lambda value: type(value).__name__,
)
def test_plain_keeps_the_value_and_drops_the_lie(value, expected):
    result = plain(value)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize("value", [LyingInt(3), LyingStr("x"), LyingList([1]), LyingDict(a=1)])
def test_a_lying_value_no_longer_equals_anything(value):
    assert plain(value) != plain("something else entirely")


def test_items_are_made_plain_at_every_depth():
    result = plain({"rows": [Point(LyingInt(1), LyingStr("a"))]})
    assert result == {"rows": [(1, "a")]}
    assert type(result["rows"][0][0]) is int and type(result["rows"][0][1]) is str


@pytest.mark.parametrize("value", [Liar(), [Liar()], {"key": Liar()}, object()])
def test_anything_else_fails_closed(value):
    with pytest.raises(TypeError, match="plain data"):
        plain(value)


def test_an_endless_iterator_is_an_error(monkeypatch):
    import itertools

    from workbench import verdicts

    monkeypatch.setattr(verdicts, "MAX_ITEMS", 10)
    with pytest.raises(TypeError, match="endless"):
        plain(itertools.count())


def test_assert_equal_says_what_was_expected():
    assert_equal([1, 2], [1, 2])
    with pytest.raises(AssertionError, match=r"Top three: expected \[1, 2\], got \[2, 1\]"):
        assert_equal([2, 1], [1, 2], "Top three")
    with pytest.raises(AssertionError, match="not plain data"):
        assert_equal(Liar(), 1, "Count")
    with pytest.raises(AssertionError):
        assert_equal(LyingInt(5), 3)


def test_query_count_reads_the_captured_queries():
    class Captured:
        captured_queries = [{"sql": "SELECT 1"}, {"sql": "SELECT 2"}]

    assert query_count(Captured()) == 2 and type(query_count(Captured())) is int
