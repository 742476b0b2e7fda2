"""A static policy on submitted code: what reaches for the interpreter's machinery is not graded.

Code running in the grading kernel shares its interpreter with the test cells, so it can
watch or rewrite them while they run: trace, profile and audit hooks, garbage-collector
callbacks, threads, frames, ``inspect``, ``ctypes``, IPython's and jupyter_client's
internals, ``__class__`` assignment, rebound builtins, ``exec``/``eval`` of computed text,
the input history (``In``, ``Out``). No correct interview answer needs any of it. A
submitted code cell that uses it is therefore not autograded: the notebook's autograded
points are withheld and the lines are quoted for a person to judge (``findings``).

Cells that are exactly the instructor's (locked cells, demos left as they were) are trusted.
IPython syntax is read as IPython runs it; the magics an exercise needs are allowed.
"""

import ast
import builtins
import shlex
from dataclasses import dataclass

# Modules that give access to the interpreter, the kernel or threads.
MODULES = {
    "_thread",
    "builtins",
    "code",
    "codeop",
    "comm",
    "concurrent",
    "ctypes",
    "dis",
    "faulthandler",
    "gc",
    "inspect",
    "ipykernel",
    "IPython",
    "jupyter_client",
    "linecache",
    "marshal",
    "multiprocessing",
    "pickle",
    "threading",
    "traceback",
    "tracemalloc",
    "traitlets",
    "zmq",
}
# Names that reach the interpreter or the kernel whatever object they are used on.
NAMES = {
    "In",
    "Out",
    "_ih",
    "_oh",
    "_dh",
    "_i",
    "_ii",
    "_iii",
    "__builtins__",
    "__import__",
    "breakpoint",
    "compile",
    "eval",
    "exec",
    "get_ipython",
    "globals",
    "locals",
}
# Attributes of frames, code, tracebacks, generators and IPython's shell, and hooks.
ATTRIBUTES = {
    "__closure__",
    "__code__",
    "__globals__",
    "__subclasses__",
    "_getframe",
    "_showtraceback",
    "addaudithook",
    "ag_frame",
    "ast_transformers",
    "comm_manager",
    "cr_frame",
    "CustomTB",
    "custom_exceptions",
    "display_pub",
    "displayhook",
    "excepthook",
    "execute_wrappers",
    "f_back",
    "f_code",
    "f_globals",
    "f_lineno",
    "f_locals",
    "f_trace",
    "gi_frame",
    "history_manager",
    "input_transformer_manager",
    "input_transformers_cleanup",
    "input_transformers_post",
    "iopub_socket",
    "monitoring",
    "set_custom_exc",
    "setprofile",
    "settrace",
    "showtraceback",
    "tb_frame",
    "user_ns",
}
# Attributes of ``sys`` that reach other modules' objects (read or written), and streams
# that only the kernel may replace.
SYS_ATTRIBUTES = {"modules", "meta_path", "path_hooks"}
SYS_STREAMS = {"stdout", "stderr", "stdin", "__stdout__", "__stderr__"}
# Strings that spell a way in (``getattr(sys, "settrace")``, ``attrgetter("f_back")``).
STRINGS = {
    "__builtins__",
    "__code__",
    "__globals__",
    "__import__",
    "__subclasses__",
    "_getframe",
    "_showtraceback",
    "addaudithook",
    "ctypes",
    "f_back",
    "f_code",
    "f_globals",
    "f_locals",
    "get_ipython",
    "gi_frame",
    "setprofile",
    "settrace",
    "showtraceback",
    "tb_frame",
    "user_ns",
}
# Parts of a forbidden package that are plain display helpers.
ALLOWED_MODULES = {"IPython.display"}
# Magics an exercise may use (IPython turns them into ``get_ipython().run_line_magic``).
MAGICS = {"lprun", "load_ext", "matplotlib", "time", "timeit"}
# The options of the magics that run code, which take a value (the rest are flags).
MAGIC_OPTIONS = {"lprun": {"-f", "-m", "-D", "-T", "-u"}, "timeit": {"-n", "-r", "-p"}}
EXTENSIONS = {"line_profiler"}
BUILTIN_NAMES = {name for name in dir(builtins) if not name.startswith("_")}


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, in the cell
    code: str  # that line, quoted
    reason: str

    def __str__(self):
        return f"line {self.line}: {self.code.strip()}  ({self.reason})"


def findings(source):
    """Return what in a cell's ``source`` the policy forbids (empty: nothing)."""
    from IPython.core.inputtransformer2 import TransformerManager

    lines = source.splitlines()
    try:
        python = TransformerManager().transform_cell(source)
        tree = ast.parse(python)
    except (SyntaxError, ValueError):
        return []  # it cannot run either: the kernel reports the error, worth nothing
    found = {}
    for node, reason in _Visitor().scan(tree):
        line = getattr(node, "lineno", 1)
        code = lines[line - 1] if 0 < line <= len(lines) else ""
        found.setdefault((line, reason), Finding(line, code, reason))
    return sorted(found.values(), key=lambda finding: finding.line)


class _Visitor(ast.NodeVisitor):
    def scan(self, tree):
        self.found = []
        self.depth = 0  # inside a function or class body: bindings there are local
        self.modules = set()  # names bound to imported modules in this cell
        self.visit(tree)
        return self.found

    def flag(self, node, reason):
        self.found.append((node, reason))

    def visit_Import(self, node):
        for alias in node.names:
            self._module(node, alias.name)
            self.modules.add((alias.asname or alias.name).split(".")[0])
            self._binds(node, alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        self._module(node, node.module or "")
        for alias in node.names:
            if alias.name in NAMES or alias.name in ATTRIBUTES:
                self.flag(node, f"imports {alias.name}")
            self._binds(node, alias.asname or alias.name)

    def _module(self, node, name):
        if name.split(".")[0] in MODULES and name not in ALLOWED_MODULES:
            self.flag(node, f"imports {name}")

    def visit_Name(self, node):
        if node.id in NAMES:
            self.flag(node, f"uses {node.id}")
        if isinstance(node.ctx, ast.Store):
            self._binds(node, node.id)

    def _binds(self, node, name):
        if self.depth == 0 and name in BUILTIN_NAMES:
            self.flag(node, f"rebinds the builtin {name}")

    def visit_Attribute(self, node):
        if node.attr in ATTRIBUTES:
            self.flag(node, f"uses .{node.attr}")
        base = node.value
        if isinstance(base, ast.Name) and base.id == "sys" and node.attr in SYS_ATTRIBUTES:
            self.flag(node, f"uses sys.{node.attr}")
        if isinstance(node.ctx, ast.Store | ast.Del):
            if node.attr in SYS_STREAMS:
                self.flag(node, f"replaces {node.attr}")
            if node.attr == "__class__":
                self.flag(node, "assigns __class__")
            if _root(base) in self.modules | {"sandbox"}:
                self.flag(node, f"changes {ast.unparse(node)}")
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and node.value in STRINGS:
            self.flag(node, f"names {node.value!r}")

    def visit_Call(self, node):
        function = node.func
        if _is_magic(node):
            self._magic(node)
            return
        if isinstance(function, ast.Name) and function.id in {"getattr", "setattr", "delattr"}:
            target = _root(node.args[0]) if node.args else None
            literal = len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
            reads_a_known_name = function.id == "getattr" and literal
            if target in self.modules | {"sandbox"} and not reads_a_known_name:
                self.flag(node, f"{function.id} on {target}")
        self.generic_visit(node)

    def _magic(self, node):
        name, argument, *body = (arg.value for arg in node.args)
        if name not in MAGICS:
            self.flag(node, f"uses the %{name} magic")
        elif name == "load_ext":
            if argument.strip() not in EXTENSIONS:
                self.flag(node, f"loads the extension {argument.strip()}")
        elif name != "matplotlib":
            self._magic_code(node, name, argument, body)

    def _magic_code(self, node, name, argument, body):
        """The code a ``%lprun``/``%time``/``%timeit`` runs is checked like any other."""
        try:
            words = shlex.split(argument)
        except ValueError:
            words = [argument]
        takes_value = MAGIC_OPTIONS.get(name, set())
        pieces, statement, index = [], [], 0
        while index < len(words):
            word = words[index]
            if word in takes_value and index + 1 < len(words):
                if word in {"-f", "-m"}:
                    pieces.append(words[index + 1])
                index += 2
            elif word.startswith("-") and not statement:
                index += 1
            else:
                statement.append(word)
                index += 1
        pieces += [" ".join(statement), *body]
        for piece in pieces:
            try:
                tree = ast.parse(piece)
            except SyntaxError:
                self.flag(node, "runs code the policy cannot read in a magic")
                continue
            for _, reason in _Visitor().scan(tree):
                self.flag(node, f"{reason} (in a magic)")

    def visit_FunctionDef(self, node):
        self._binds(node, node.name)
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.visit(node.args)
        self.depth += 1
        for statement in node.body:
            self.visit(statement)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._binds(node, node.name)
        for child in [*node.decorator_list, *node.bases, *node.keywords]:
            self.visit(child)
        self.depth += 1
        for statement in node.body:
            self.visit(statement)
        self.depth -= 1

    def _local_scope(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_Lambda = visit_ListComp = visit_SetComp = visit_DictComp = _local_scope
    visit_GeneratorExp = _local_scope


def _root(node):
    """The name a chain of attributes starts from (``django`` for ``django.test.utils``)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_magic(node):
    """``get_ipython().run_line_magic('name', 'args')``, as IPython writes a ``%magic``."""
    function = node.func
    return (
        isinstance(function, ast.Attribute)
        and function.attr in {"run_line_magic", "run_cell_magic"}
        and isinstance(function.value, ast.Call)
        and isinstance(function.value.func, ast.Name)
        and function.value.func.id == "get_ipython"
        and len(node.args) >= 2
        and all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args)
    )
