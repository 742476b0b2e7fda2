"""``workbench.verdicts``: candidate values reach a comparison only as plain built-in types."""

import datetime
import decimal
from collections import Counter, OrderedDict, namedtuple

import pytest
from workbench.verdicts import LIES, assert_equal, plain, query_count


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


class PlainInt(int):
    def double(self):
        return self * 2


class PlainList(list):
    def total(self):
        return sum(self)


Point = namedtuple("Point", "x y")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Point(1, 2), (1, 2)),
        (OrderedDict(a=1), {"a": 1}),
        (Counter("aab"), {"a": 2, "b": 1}),
        ((x for x in (1, 2)), [1, 2]),
        ({1}, {1}),
        (frozenset({"a"}), frozenset({"a"})),
        (decimal.Decimal("1.50"), decimal.Decimal("1.5")),
        (datetime.date(2024, 1, 1), datetime.date(2024, 1, 1)),
        (None, None),
        (PlainInt(3), 3),
        (PlainList([1, 2]), [1, 2]),
    ],
    ids=lambda value: type(value).__name__,
)
def test_plain_keeps_the_value(value, expected):
    result = plain(value)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    "value",
    [LyingInt(3), LyingStr("x"), LyingList([1]), LyingDict(a=1), [{"deep": LyingInt(1)}]],
    ids=lambda value: type(value).__name__,
)
def test_a_value_that_redefines_comparison_fails_closed(value):
    with pytest.raises(TypeError, match=LIES):
        plain(value)


def test_subclasses_that_only_add_behaviour_are_read_through_their_base():
    result = plain({"rows": [Point(PlainInt(1), "a")], "items": PlainList([PlainInt(2)])})
    assert result == {"rows": [(1, "a")], "items": [2]}
    assert type(result["rows"][0][0]) is int and type(result["items"]) is list


def test_django_values_are_plain_data():
    from django.forms.utils import ErrorList  # a list subclass that defines __eq__
    from django.utils.safestring import mark_safe

    assert plain(ErrorList(["Required."])) == ["Required."]
    assert type(plain(mark_safe("<b>"))) is str


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
    with pytest.raises(AssertionError, match=LIES):
        assert_equal(LyingInt(5), 3)


def test_query_count_reads_the_captured_queries():
    class Captured:
        captured_queries = [{"sql": "SELECT 1"}, {"sql": "SELECT 2"}]

    assert query_count(Captured()) == 2 and type(query_count(Captured())) is int


def test_a_class_that_claims_a_trusted_module_is_not_trusted():
    class Impostor(list):
        __module__ = "django.utils"

        def __eq__(self, other):
            return True

    with pytest.raises(TypeError, match=LIES):
        plain(Impostor([1]))
