"""Kernel side of the grader's guard. The grader sends this file's text to each grading kernel.

``snapshot()`` runs before any submitted code: it records how IPython runs cells and reports
errors (hooks, transformers, custom exception handlers, patched methods) and the functions
and classes of Django, the sandbox toolkit and the builtins. ``restore()`` runs before each
graded test cell: it puts back whatever submitted code changed and returns what it restored.
Names that submitted code adds are left alone (models defined in cells add descriptors to the
catalogue's classes); only what existed and changed is restored. Not imported by the toolkit.
"""

import builtins
import sys
import threading
import types

PREFIXES = (
    "django",
    "catalog",
    "workbench",
    "sandbox",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "comm",
    "asgiref",
)
# The shell's parts that decide how a cell runs and how its outcome is reported.
SHELL_PARTS = (
    "input_transformer_manager",
    "events",
    "displayhook",
    "display_pub",
    "compile",
    "InteractiveTB",
    "SyntaxTB",
    "kernel",
)
BEHAVIOUR = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    staticmethod,
    classmethod,
    property,
)
_state = {}


def _behaviour(value):
    return isinstance(value, BEHAVIOUR) or hasattr(type(value), "__get__")


def _same(current, value):
    # Bound methods are made afresh on each access: compare what they bind, not identity.
    return current is value or (isinstance(value, types.MethodType) and current == value)


def _same_list(live, saved):
    """Whether ``live`` is a plain list of exactly ``saved``'s items (not ``==``: it may lie)."""
    if type(live) is not list or list.__len__(live) != len(saved):
        return False
    return all(a is b for a, b in zip(list.__iter__(live), saved, strict=True))


def _watched(name):
    return name.split(".", 1)[0] in PREFIXES


def _shell():
    from IPython import get_ipython

    return get_ipython()


def _objects(shell):
    """The live objects whose instance attributes decide how a cell runs."""
    objects = {"shell": shell, "events": shell.events, "displayhook": shell.displayhook}
    objects["display_pub"] = shell.display_pub
    objects["transformers"] = shell.input_transformer_manager
    if getattr(shell, "kernel", None) is not None:
        objects["kernel"] = shell.kernel
    return objects


def snapshot():
    """Record the state that ``restore()`` puts back."""
    shell = _shell()
    modules, classes = {}, {}
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType) or not _watched(name):
            continue
        # Whole copies, made at C speed; restore() skips what is not behaviour.
        members = dict(vars(module))
        modules[name] = (module, type(module), members)
        for value in members.values():
            if isinstance(value, type) and id(value) not in classes and value.__module__ == name:
                classes[id(value)] = (value, dict(vars(value)))
    manager = shell.input_transformer_manager
    _state.update(
        parts={name: getattr(shell, name, None) for name in SHELL_PARTS},
        modules=modules,
        classes=classes,
        builtins=dict(vars(builtins)),
        instances={
            key: (obj, {k: v for k, v in vars(obj).items() if callable(v)})
            for key, obj in _objects(shell).items()
        },
        callbacks={event: list(found) for event, found in shell.events.callbacks.items()},
        lists={
            "cleanup_transforms": (manager.cleanup_transforms, list(manager.cleanup_transforms)),
            "line_transforms": (manager.line_transforms, list(manager.line_transforms)),
            "token_transformers": (manager.token_transformers, list(manager.token_transformers)),
            "input_transformers_post": (
                shell.input_transformers_post,
                list(shell.input_transformers_post),
            ),
            "ast_transformers": (shell.ast_transformers, list(shell.ast_transformers)),
        },
        sys={
            "excepthook": sys.excepthook,
            "displayhook": sys.displayhook,
            "stdout": sys.stdout,
            "stderr": sys.stderr,
        },
        custom=(shell.custom_exceptions, shell.CustomTB),
    )
    return len(modules), len(classes)


def restore():
    """Put back what submitted code changed; return the names restored."""
    if not _state:
        return ["guard: no snapshot"]
    restored = []
    shell = _shell()
    sys.settrace(None)
    sys.setprofile(None)
    threading.settrace(None)
    threading.setprofile(None)
    for name, value in _state["sys"].items():
        if not _same(getattr(sys, name), value):
            setattr(sys, name, value)
            restored.append(f"sys.{name}")
    for name, value in _state["parts"].items():
        if getattr(shell, name, None) is not value:
            setattr(shell, name, value)
            restored.append(f"shell.{name}")
    custom = _state["custom"]
    if shell.custom_exceptions is not custom[0] or shell.CustomTB is not custom[1]:
        shell.custom_exceptions, shell.CustomTB = _state["custom"]
        restored.append("custom exception handler")
    for key, (obj, saved) in _state["instances"].items():
        current = vars(obj)
        for name in list(current):
            if name not in saved and callable(getattr(type(obj), name, None)):
                del current[name]
                restored.append(f"{key}.{name}")
        for name, value in saved.items():
            if not _same(current.get(name), value):
                current[name] = value
                restored.append(f"{key}.{name}")
    callbacks = shell.events.callbacks
    if type(callbacks) is not dict or set(dict.keys(callbacks)) != set(_state["callbacks"]):
        shell.events.callbacks = callbacks = {}
        restored.append("events.callbacks")
    for event, saved in _state["callbacks"].items():
        if not _same_list(dict.get(callbacks, event), saved):
            callbacks[event] = list(saved)
            restored.append(f"events.{event}")
    for name, (live, saved) in _state["lists"].items():
        if not _same_list(live, saved):
            list.__setitem__(live, slice(None), saved)
            restored.append(name)
    manager = shell.input_transformer_manager
    for name, (live, _) in _state["lists"].items():
        owner = shell if name in ("input_transformers_post", "ast_transformers") else manager
        if getattr(owner, name) is not live:
            setattr(owner, name, live)
            restored.append(name)
    current = vars(builtins)
    for name, value in _state["builtins"].items():
        if not _same(current.get(name, restore), value):
            current[name] = value
            restored.append(f"builtins.{name}")
    for name, (module, kind, members) in _state["modules"].items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
            restored.append(f"sys.modules[{name!r}]")
        if type(module) is not kind:
            module.__class__ = kind
            restored.append(f"type({name})")
        current = vars(module)
        for key, value in members.items():
            if not _same(current.get(key, restore), value) and _behaviour(value):
                current[key] = value
                restored.append(f"{name}.{key}")
    for cls, members in _state["classes"].values():
        current = vars(cls)
        for key, value in members.items():
            if not _same(current.get(key, restore), value) and _behaviour(value):
                try:
                    setattr(cls, key, value)
                except (TypeError, AttributeError):
                    continue
                restored.append(f"{cls.__module__}.{cls.__qualname__}.{key}")
    return restored
