"""What test cells compare: candidate values reduced to plain built-in types first.

A candidate's answer can be any object, and an object can claim to equal anything (an
``__eq__`` that returns ``True``, an ``int`` subclass, a list subclass that lies about its
items). Test cells therefore never compare a candidate's value directly:

    from workbench.verdicts import assert_equal, plain, query_count

    assert_equal(top_creators(3), ranking[:3], "The three most played creators, in order")
    assert plain(answer) == expected
    assert query_count(queries) == 1

``plain(value)`` rebuilds ``value`` from exact built-in types only, reading subclasses through
their base type's own methods, so a comparison of its result runs no candidate code. Anything
else (a model instance, an arbitrary object) is a ``TypeError``: the test fails closed.
"""

import datetime
import decimal
import uuid

# Values of these exact types are kept as they are; their comparisons are the standard ones.
ATOMS = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    decimal.Decimal,
    datetime.datetime,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    uuid.UUID,
)
# A subclass of one of these is read through the base type's own method.
BASES = (
    (int, int.__int__),
    (float, float.__float__),
    (str, str.__str__),
    (bytes, bytes.__bytes__),
)
MAX_ITEMS = 1_000_000  # an endless iterator is an error, not a hang


def plain(value):
    """Return ``value`` rebuilt from exact built-in types; raise ``TypeError`` if it can't be.

    Lists, tuples (named tuples included), dicts, sets and frozensets keep their kind; any
    other iterable (a ``QuerySet``, a generator) becomes a list. Their items are made plain too.
    """
    kind = type(value)
    if kind in ATOMS:
        return value
    for base, read in BASES:
        if isinstance(value, base):
            return read(value)
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in dict.items(value)}
    if isinstance(value, tuple):
        return tuple(_items(tuple.__iter__(value)))
    if isinstance(value, list):
        return _items(list.__iter__(value))
    if isinstance(value, frozenset):
        return frozenset(_items(frozenset.__iter__(value)))
    if isinstance(value, set):
        return set(_items(set.__iter__(value)))
    if hasattr(kind, "__iter__") and not hasattr(kind, "_meta"):
        return _items(iter(value))
    raise TypeError(
        f"expected plain data (numbers, strings, lists, dicts...), got a {kind.__name__}"
    )


def _items(iterator):
    items = []
    for item in iterator:
        if len(items) == MAX_ITEMS:
            raise TypeError(f"more than {MAX_ITEMS} items: is it an endless iterator?")
        items.append(plain(item))
    return items


def assert_equal(answer, expected, message="Not the expected value"):
    """Fail with ``message`` and both values unless ``plain(answer) == plain(expected)``."""
    try:
        got = plain(answer)
    except TypeError as error:
        raise AssertionError(f"{message}: the answer is not plain data ({error}).") from None
    wanted = plain(expected)
    if got != wanted:
        raise AssertionError(f"{message}: expected {wanted!r}, got {got!r}.")


def query_count(queries):
    """Return how many queries a ``CaptureQueriesContext`` recorded, as an exact ``int``."""
    return len(queries.captured_queries)
