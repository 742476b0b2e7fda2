"""nbgrader's ``Execute`` step, hardened for untrusted notebooks.

``GuardedExecute`` replaces ``Execute`` in the autograde pipeline. It starts the kernel with
``SandboxKernelManager`` and adds, around nbgrader's own execution:

- a guard: before any submitted code runs, the notebook's locked boot cell is run and the
  kernel's state is recorded (``kernel_guard.snapshot``); before each graded cell, hooks,
  transformers and patched functions are put back (``kernel_guard.restore``) and a canary cell
  that must fail is run: if its failure does not come back, errors are being swallowed;
- limits on output (bytes of every message a cell sends, comms included), on what a kernel
  writes to its working folder (checked each second while a cell runs), and on hangs (a
  cell that outlives the timeout and then ignores the interrupt);
- a static policy (``policy``): a submission whose code reaches for the interpreter's
  machinery is not run at all; its graded cells score 0 and the lines are noted for a person;
- verdicts the kernel cannot give itself: each graded test cell runs with a last line that
  prints a secret made for that cell, and it passes only if that secret comes back and no
  error does (an error hidden by a hook, or a reply sent early by the kernel, loses the
  secret); test cells award all or nothing (an ``execute_result`` never counts as points);
- with ``zygote_dir`` set (the grading workers set it), kernels are forked by the worker's
  pre-imported zygote (``zygote``) rather than started from nothing, and are killed once their
  notebook is done rather than asked to shut down (their outputs are all in by then).

When the kernel dies, hangs, floods output or is caught swallowing errors, the notebook's
graded cells all get an error in place of their outputs: nbgrader then scores them 0, and the
reason is left as a grading note (``review.notes``). nbgrader's own defence against a patched
``showtraceback`` (``on_cell_executed``) is inherited unchanged.
"""

import asyncio
import json
import os
import secrets
from pathlib import Path
from queue import Empty

import nbformat
from nbclient.exceptions import DeadKernelError
from nbclient.util import ensure_async, run_sync
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import Execute
from traitlets import Bool, Enum, Integer, Unicode
from workbench.verdicts import LIES

from workbook.isolation import policy, zygote
from workbook.isolation.sandboxing import SandboxKernelManager
from workbook.notebook import boot_cell
from workbook.review import notes

GUARD_SOURCE = (Path(__file__).parent / "kernel_side" / "kernel_guard.py").read_text()
MAX_ENTRIES = 100_000  # files and folders a kernel may leave in its working folder
FAILED_RESTORE = "the guard could not put back what the submission changed:"
# Notes left while grading in this process: (notebook name, text).


class GradingStopped(Exception):
    """The notebook cannot be graded further; the message says why."""


class GuardedExecute(Execute):
    output_limit = Integer(2 * 2**20, help="Bytes of output recorded per notebook.").tag(
        config=True
    )
    disk_limit = Integer(512 * 2**20, help="Bytes a kernel may write to its folder.").tag(
        config=True
    )
    guard = Bool(True, help="Restore hooks and run a canary before graded cells.").tag(config=True)
    hang_grace = Integer(10, help="Seconds a kernel has to answer after an interrupt.").tag(
        config=True
    )
    zygote_dir = Unicode(
        "", help="Folder for the kernel zygote that forks the kernels (empty: no zygote)."
    ).tag(config=True)
    source_dir = Unicode(
        "", help="The assignment's source folder: its notebooks' own cells are trusted."
    ).tag(config=True)
    # Outputs are all recorded when the kernel is shut down: a graceful exit only costs time.
    shutdown_kernel = Enum(["graceful", "immediate"], default_value="immediate").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(*args, **kwargs)

    # -- the notebook ------------------------------------------------------------------------

    def preprocess(self, nb, resources=None, km=None):
        self._name = (resources or {}).get("nbgrader", {}).get("notebook", "notebook")
        self._output_bytes = 0
        self._failure = None
        boot = boot_cell(nb)
        self._boot_source = boot.source if boot else None
        withheld = self.policy_findings(nb)
        if withheld:
            reason = (
                "withheld for a person: the submission reaches for the interpreter's machinery, "
                "which no answer needs, so it was not run (static policy): " + "; ".join(withheld)
            )
            _fail_graded_cells(nb, reason)
            self.note(f"Graded cells scored 0, {reason}")
            return nb, resources
        try:
            return super().preprocess(nb, resources, km)
        except Exception as error:  # the kernel's fault, whatever it is: grade the rest
            reason = self._failure or _describe(error)
            _fail_graded_cells(nb, reason)
            self.note(f"Graded cells scored 0: {reason}")
            return nb, resources

    def policy_findings(self, nb):
        """``"cell <id> line N: code (reason)"`` for each cell the policy forbids."""
        trusted = set()
        source = Path(self.source_dir, f"{self._name}.ipynb")
        if self.source_dir and source.is_file():
            instructor = nbformat.read(source, as_version=4)
            trusted = {cell.source for cell in instructor.cells if cell.cell_type == "code"}
        found = []
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or cell.source in trusted:
                continue
            name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or index + 1
            found += [f"cell {name} {finding}" for finding in policy.findings(cell.source)]
        return found

    def note(self, text):
        notes.add(self._name, text)
        self.log.warning("%s: %s", self._name, text)

    def create_kernel_manager(self):
        """A kernel forked by the worker's zygote when there is one, else started afresh."""
        if not self.zygote_dir:
            return super().create_kernel_manager()
        try:
            self.km = zygote.start_kernel_manager(self.config, self.zygote_dir)
        except zygote.ZygoteError as error:
            self.note(f"The kernel zygote failed ({error}); this kernel was started afresh.")
            return super().create_kernel_manager()
        return self.km

    # -- before any submitted code -------------------------------------------------------------

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        if self.guard:
            code = GUARD_SOURCE + "\n" + (self._boot_source or "") + "\nsnapshot()\n"
            # The guard lives in a module of its own, out of the notebook's namespace.
            wrapped = (
                "import sys as _s, types as _t\n"
                "_g = _t.ModuleType('_workbook_guard')\n"
                f"exec(compile({code!r}, '<guard>', 'exec'), _g.__dict__)\n"
                "_s.modules['_workbook_guard'] = _g\n"
                "del _s, _t, _g\n"
            )
            # The boot cell needs the notebook's namespace for `sandbox`; run it there too.
            reply = await self._run_hidden(wrapped, timeout=self.startup_timeout)
            if self._boot_source:
                await self._run_hidden(self._boot_source, timeout=self.startup_timeout)
            if reply is None or reply["content"]["status"] != "ok":
                self.note("The guard could not be installed; graded without it.")
        return kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    # -- each cell ---------------------------------------------------------------------------

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        watchdog = asyncio.ensure_future(self._watch_disk())
        try:
            return await self._execute_cell(cell, cell_index, execution_count, store_history)
        finally:
            watchdog.cancel()

    async def _watch_disk(self):
        """Kill the kernel once its working folder holds more than ``disk_limit`` bytes."""
        folder = getattr(self.km, "workdir", None)
        while folder is not None:
            await asyncio.sleep(1)
            if folder_bytes(folder, self.disk_limit) > self.disk_limit:
                if self._failure is None:
                    self._failure = (
                        f"the notebook wrote more than {self.disk_limit // 2**20} MB to disk"
                    )
                await self.km._async_kill_kernel()
                return

    async def _execute_cell(self, cell, cell_index, execution_count, store_history):
        graded = cell.cell_type == "code" and utils.is_grade(cell) and cell.source.strip()
        if self.guard and graded:
            await self._guard_before(cell)
        if not graded or utils.is_solution(cell):
            return await super().async_execute_cell(
                cell, cell_index, execution_count, store_history
            )
        secret, source = secrets.token_hex(16), cell.source
        cell.source = f"{source}\nprint({secret!r})\n"  # reached only if nothing above failed
        try:
            cell = await super().async_execute_cell(
                cell, cell_index, execution_count, store_history
            )
        finally:
            cell.source = source
        self._settle_verdict(cell, secret)
        return cell

    execute_cell = run_sync(async_execute_cell)

    def _settle_verdict(self, cell, secret):
        """Keep a test cell's pass only if its secret came back; drop points-like results."""
        outputs, completed = [], False
        for output in cell.outputs:
            if output.output_type == "execute_result":
                continue  # all or nothing: a printed number is never partial credit
            if output.output_type == "stream" and secret in output.text:
                completed = True
                output.text = output.text.replace(secret + "\n", "").replace(secret, "")
                if not output.text:
                    continue
            outputs.append(output)
        cell.outputs = outputs
        errors = [output for output in outputs if output.output_type == "error"]
        failed = bool(errors)
        if any(LIES in str(error.get("evalue", "")) for error in errors):
            grade_id = cell.metadata.nbgrader.get("grade_id", "?")
            self.note(f"Flag: in {grade_id}, an answer's value redefines how it compares")
        if not completed and not failed:
            grade_id = cell.metadata.nbgrader.get("grade_id", "?")
            reason = (
                f"{grade_id} did not run to its end, yet no error came back: the submission "
                "hides failures or answers for the kernel"
            )
            cell.outputs = [_error(reason)]
            self.note(f"Scored 0: {reason}")

    async def _guard_before(self, cell):
        grade_id = cell.metadata.nbgrader.get("grade_id", "?")
        nonce = secrets.token_hex(8)
        # One round trip: put back what was changed, then a canary failure that must come back.
        code = (
            "try:\n"
            "    print(__import__('_workbook_guard').restore())\n"
            "except Exception as _error:\n"
            f"    print({FAILED_RESTORE!r}, repr(_error))\n"
            f"assert False, {nonce!r}\n"
        )
        reply = await self._run_hidden(code, silent=False, timeout=30, capture=True)
        restored = (reply or {}).get("captured", "").strip()
        if restored.startswith(FAILED_RESTORE):
            self._failure = f"before {grade_id}, {restored}: the submission fights the guard"
            raise GradingStopped(self._failure)
        if restored not in ("", "[]"):
            self.note(f"Before {grade_id}: put back what the submission changed: {restored}")
        content = (reply or {}).get("content", {})
        if content.get("status") != "error" or nonce not in str(content.get("evalue", "")):
            self._failure = (
                f"before {grade_id}, a cell that must fail did not report its failure: the "
                "submission tampers with how errors are reported"
            )
            raise GradingStopped(self._failure)

    async def _run_hidden(self, code, timeout, silent=True, capture=False):
        """Run ``code`` outside the notebook; return the reply (``None`` on timeout)."""
        msg_id = self.kc.execute(
            code, silent=silent, store_history=False, allow_stdin=False, stop_on_error=False
        )
        reply = await self._reply_to(msg_id, timeout)
        if reply is not None and capture:
            reply["captured"] = await self._stdout_of(msg_id)
        return reply

    async def _reply_to(self, msg_id, timeout):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            try:
                msg = await ensure_async(
                    self.kc.shell_channel.get_msg(
                        timeout=min(remaining, self.shell_timeout_interval)
                    )
                )
            except Empty:
                await self._async_check_alive()
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    async def _stdout_of(self, msg_id, timeout=5):
        text = []
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=1))
            except Empty:
                break
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text.append(msg["content"]["text"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return "".join(text)

    # -- limits ------------------------------------------------------------------------------

    async def _async_handle_timeout(self, timeout, cell=None):
        reply = await super()._async_handle_timeout(timeout, cell)
        grade_id = ((cell or {}).get("metadata", {}).get("nbgrader", {}) or {}).get("grade_id")
        where = f"cell {grade_id}" if grade_id else "a cell"
        probe = await self._reply_to(self.kc.kernel_info(), self.hang_grace)
        if probe is None:
            self._failure = (
                f"{where} ran past the {timeout} s limit and the kernel did not answer the "
                f"interrupt within {self.hang_grace} s"
            )
            raise GradingStopped(self._failure)
        self.note(f"{where.capitalize()} ran past the {timeout} s limit and was interrupted.")
        return reply

    def process_message(self, msg, cell, cell_index):
        """Count every message a cell sends (outputs, displays, comms) against the limit."""
        if msg["msg_type"] != "status":
            self._output_bytes += len(json.dumps(msg.get("content", {})))
            if self._output_bytes > self.output_limit:
                if self._failure is None:
                    self._failure = (
                        f"the notebook printed more than {self.output_limit // 1024} KB of output"
                    )
                    asyncio.ensure_future(self.km._async_kill_kernel())
                return None
        return super().process_message(msg, cell, cell_index)


def folder_bytes(folder, enough):
    """Bytes the files under ``folder`` take, counted until ``enough`` is passed.

    Without recursion (a kernel may leave any depth) and bounded in entries, so a folder
    of a million empty files counts as full rather than taking a minute to count.
    """
    total, todo, entries = 0, [str(folder)], 0
    while todo and total <= enough:
        try:
            with os.scandir(todo.pop()) as found:
                for entry in found:
                    entries += 1
                    if entries > MAX_ENTRIES:
                        return enough + 1
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(entry.path)
                    else:
                        total += entry.stat(follow_symlinks=False).st_blocks * 512
        except OSError:
            continue
    return total


def _describe(error):
    if isinstance(error, DeadKernelError):
        return "the kernel died (it exited, crashed or went over the memory limit)"
    if isinstance(error, GradingStopped):
        return str(error)
    return f"grading stopped: {type(error).__name__}: {error}"


def _error(reason):
    return NotebookNode(
        output_type="error",
        ename="GradingStopped",
        evalue=reason,
        traceback=[f"GradingStopped: {reason}"],
    )


def _fail_graded_cells(nb, reason):
    """Replace the outputs of every graded code cell with an error saying why."""
    for cell in nb.cells:
        if cell.cell_type == "code" and utils.is_grade(cell):
            cell.outputs = [_error(reason)]
