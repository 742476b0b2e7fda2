"""The static policy: answer code that reaches for the interpreter's machinery is flagged,
plain Django and Python answers are not (every notebook's own answers are checked in
``tests/notebooks/test_checker.py``)."""

import pytest
from workbook.isolation.policy import findings

FLAGGED = {
    "trace hook": "import sys\nsys.settrace(lambda *a: None)",
    "profile hook": "import sys\nsys.setprofile(print)",
    "audit hook": "import sys\nsys.addaudithook(lambda event, args: None)",
    "frames": "import sys\ncaller = sys._getframe(1)",
    "frame walk": "def f(tb):\n    return tb.tb_frame.f_back.f_locals",
    "gc callbacks": "import gc\ngc.callbacks.append(print)",
    "ctypes": "import ctypes",
    "inspect": "from inspect import currentframe",
    "threads": "import threading\nthreading.Thread(target=print).start()",
    "thread module": "import _thread",
    "executor": "from concurrent.futures import ThreadPoolExecutor",
    "IPython shell": "ip = get_ipython()\nip.showtraceback = None",
    "IPython import": "from IPython import get_ipython",
    "kernel session": "from ipykernel.kernelapp import IPKernelApp",
    "jupyter_client": "import jupyter_client.session",
    "class swap": "import django.test.utils as utils\nutils.__class__ = type",
    "patch helper": "import django.test.utils\ndjango.test.utils.CaptureQueriesContext = list",
    "patch sandbox": "sandbox.reset = lambda: None",
    "setattr sandbox": "setattr(sandbox, 'reset', print)",
    "builtins module": "import builtins\nbuiltins.len = lambda x: 1",
    "shadowed len": "len = lambda x: 1",
    "shadowed by def": "def sorted(items):\n    return items",
    "shadowed by import": "from operator import truth as bool",
    "exec": "exec('x = 1')",
    "eval": "value = eval(text)",
    "compile": "code = compile(text, 'x', 'exec')",
    "__import__": "sys = __import__('sys')",
    "input history": "print(In[-1])",
    "output history": "print(Out)",
    "history alias": "print(_ih)",
    "globals": "globals()['len'] = print",
    "sys.modules": "import sys\nshell = sys.modules['IPython']",
    "stdout swap": "import sys\nsys.stdout = open('/dev/null', 'w')",
    "execute_wrappers": "from django.db import connection as c\nc.execute_wrappers.append(print)",
    "spelled attribute": "import operator\nback = operator.attrgetter('f_back')",
    "getattr on a module": "import sys\nhook = getattr(sys, 'set' + 'trace')",
    "displayhook": "import sys\nsys.displayhook(2)",
    "code object": "def f():\n    pass\nf.__code__ = None",
    "subclasses": "classes = object.__subclasses__()",
    "shell magic": "!cat /etc/passwd",
    "other magic": "%run other.py",
    "extension": "%load_ext autoreload",
    "code in a magic": "%timeit __import__('ctypes')",
    "code in lprun": "%lprun -f get_ipython f()",
    "cell magic body": "%%timeit\nimport gc",
    "cell source via linecache": "import linecache\nlines = linecache.getlines(name)",
    "stack via traceback": "import traceback\nstack = traceback.extract_stack()",
}

ALLOWED = {
    "plain ORM": (
        "from catalog.models import Creator\nfrom django.db.models import Sum\n\n"
        "def top(n):\n    return list(Creator.objects.annotate(t=Sum('contents__plays'))"
        ".values_list('name', flat=True)[:n])"
    ),
    "local names that are builtins": "def f(items):\n    id = 1\n    list = [id]\n    return list",
    "comprehension names": "values = [id for id in range(3)]",
    "reading __class__": "name = (1).__class__.__name__",
    "force_debug_cursor": "from django.db import connection\nconnection.force_debug_cursor = True",
    "Django execute_wrapper": (
        "from django.db import connection\n\ndef f(block):\n"
        "    with connection.execute_wrapper(block):\n        pass"
    ),
    "sessions": "def view(request):\n    request.session['n'] = 1",
    "import_module": "from importlib import import_module\nstore = import_module('x').SessionStore",
    "sys.stdout read": "import logging, sys\nhandler = logging.StreamHandler(sys.stdout)",
    "line_profiler": (
        "from line_profiler import LineProfiler\n\ndef hottest(f, *args):\n"
        "    profiler = LineProfiler(f)\n    profiler.runcall(f, *args)\n"
        "    return profiler.get_stats()"
    ),
    "lprun magic": "%load_ext line_profiler\nlp = %lprun -r -f top top(3)",
    "timeit magic": "%timeit sum(range(10))",
    "matplotlib": "%matplotlib inline",
    "display": "from IPython.display import display\ndisplay(1)",
    "await": "response = await client.get('/')",
    "asyncio": "import asyncio\nawait asyncio.gather(asyncio.sleep(0))",
    "not valid Python": "def broken(:\n",
}


@pytest.mark.parametrize("source", FLAGGED.values(), ids=FLAGGED)
def test_reaching_for_the_machinery_is_flagged(source):
    found = findings(source)
    assert found, source
    assert all(finding.code in source for finding in found)


@pytest.mark.parametrize("source", ALLOWED.values(), ids=ALLOWED)
def test_plain_answers_are_not_flagged(source):
    assert findings(source) == [], [str(f) for f in findings(source)]


def test_a_finding_quotes_its_line():
    (finding,) = findings("x = 1\nimport ctypes\n")
    assert (finding.line, finding.code) == (2, "import ctypes")
    assert str(finding) == "line 2: import ctypes  (imports ctypes)"
