"""What test cells compare: candidate values reduced to plain built-in types first.

A candidate's answer can be any object, and an object can claim to equal anything (an
``__eq__`` that returns ``True``, an ``int`` subclass, a list subclass that lies about its
items). Test cells therefore never compare a candidate's value directly:

    from workbench.verdicts import assert_equal, plain, query_count

    assert_equal(top_creators(3), ranking[:3], "The three most played creators, in order")
    assert plain(answer) == expected
    assert query_count(queries) == 1

``plain(value)`` rebuilds ``value`` from exact built-in types only, reading subclasses through
their base type's own methods, so a comparison of its result runs no candidate code. A value
whose class redefines comparison (``__eq__`` and the like, outside the standard library), a
model instance or an arbitrary object is a ``TypeError``: the test fails closed, and the
grader flags a test cell whose error says ``LIES``.
"""

import datetime
import decimal
import sys
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
CONTAINERS = (list, tuple, dict, set, frozenset)
TRUSTED_PACKAGES = {"django", "asgiref", "catalog", "sandbox", "workbench"}
COMPARISONS = {"__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__"}
# Said when an answer's value redefines comparison; the grader notes test cells that say it.
LIES = "a value that redefines how it compares is not plain data"


def plain(value):
    """Return ``value`` rebuilt from exact built-in types; raise ``TypeError`` if it can't be.

    Lists, tuples (named tuples included), dicts, sets and frozensets keep their kind; any
    other iterable (a ``QuerySet``, a generator) becomes a list. Their items are made plain too.
    """
    kind = type(value)
    if kind in ATOMS:
        return value
    _refuse_lies(kind)
    for base, read in BASES:
        if isinstance(value, base):
            return read(value)
    # A subclass is read through its base type's methods, unless its own code is trusted
    # (Django's ErrorList keeps its items in a UserList, not in the list it subclasses).
    trusted = _trusted(kind)
    if isinstance(value, dict):
        pairs = value.items() if trusted else dict.items(value)
        return {plain(key): plain(item) for key, item in pairs}
    for container in (tuple, list, frozenset, set):
        if isinstance(value, container):
            items = _items(iter(value) if trusted else container.__iter__(value))
            return items if container is list else container(items)
    if hasattr(kind, "__iter__") and not hasattr(kind, "_meta"):
        return _items(iter(value))
    raise TypeError(
        f"expected plain data (numbers, strings, lists, dicts...), got a {kind.__name__}"
    )


def _refuse_lies(kind):
    """Raise if ``kind``, from code outside the standard library, Django and the sandbox,
    redefines how its values compare (``object``'s own comparisons are not counted)."""
    for klass in kind.__mro__:
        if klass in ATOMS or klass in CONTAINERS or klass is object or _trusted(klass):
            return
        overridden = sorted(COMPARISONS.intersection(vars(klass)))
        if overridden:
            raise TypeError(f"{LIES}: a {kind.__name__} defines {', '.join(overridden)}")


def _trusted(klass):
    """Whether ``klass`` comes from the standard library, Django or the sandbox (and is
    found there: a class that only names such a module as its own is not)."""
    package = klass.__module__.split(".")[0]
    if package not in sys.stdlib_module_names and package not in TRUSTED_PACKAGES:
        return False
    found = sys.modules.get(klass.__module__)
    for name in klass.__qualname__.split("."):
        found = getattr(found, name, None)
    return found is klass


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
