"""Answers that lie: every function a task's reference defines returns a wrong value that
claims to equal anything, so a test that compares candidate values directly is fooled.

``disguise(source, lie=True)`` appends to a reference solution the code that wraps its
top-level functions; ``lie=False`` returns the same wrong values honestly (plain types), the
control: a test that ignores a function's value scores both the same, a test that is fooled
scores the lie higher.
"""

import ast

WRAPPER = """

# Added by the notebook checker: every function above returns a wrong value{lie_note}.
def _checker_wrong(value, lie):
    class Lie:
        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __hash__ = object.__hash__

    wrong = None
    for base, change in (
        (int, lambda v: v + 1),
        (float, lambda v: v + 1.5),
        (str, lambda v: v + "?"),
        (list, lambda v: [*reversed(v), None]),
        (tuple, lambda v: (*reversed(v), None)),
        (dict, lambda v: {{**v, "checker": None}}),
        (set, lambda v: {{*v, "checker"}}),
    ):
        if isinstance(value, base) and not isinstance(value, bool):
            wrong = change(value)
            if lie:
                lying = type("Lying" + base.__name__, (Lie, base), {{"__hash__": base.__hash__}})
                return lying(wrong)
            return wrong
    return Lie() if lie else wrong


def _checker_disguise(function, lie):
    import asyncio
    import functools

    if asyncio.iscoroutinefunction(function):

        @functools.wraps(function)
        async def wrapped(*args, **kwargs):
            return _checker_wrong(await function(*args, **kwargs), lie)

    else:

        @functools.wraps(function)
        def wrapped(*args, **kwargs):
            return _checker_wrong(function(*args, **kwargs), lie)

    return wrapped


{rebind}
"""


def functions(source):
    """The names of the functions ``source`` defines at its top level."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef)
    return [node.name for node in tree.body if isinstance(node, kinds)]


def disguise(source, lie=True):
    """``source`` with each of its top-level functions returning a wrong value (lying or not)."""
    names = functions(source)
    if not names:
        return source
    rebind = "\n".join(f"{name} = _checker_disguise({name}, {lie})" for name in names)
    note = " that claims to equal anything" if lie else ""
    return source + WRAPPER.format(lie_note=note, rebind=rebind)
