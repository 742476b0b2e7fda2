"""The grader's worker processes: each grades one submission at a time (``pipeline.worker``).

Plain subprocesses rather than ``multiprocessing``: its spawn and forkserver methods re-run the
caller's main module, which a script without a ``__main__`` guard cannot take. A worker that
dies or overruns its deadline is killed with everything it started and replaced; its
submission gets a failed ``Result`` and the others go on.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import deque
from multiprocessing.connection import Connection, wait

from workbook.isolation.sandboxing import cleanup_cgroups
from workbook.pipeline.worker import Result


def died(job):
    """The result of a job whose worker process died."""
    return Result(job.student, False, log="the worker process died")


def overran(job, deadline):
    """The result of a job stopped after ``deadline`` seconds."""
    return Result(job.student, False, log=f"grading took longer than {deadline} s and was stopped")


class WorkerProcess:
    """One ``python -m workbook.pipeline.worker``, its two pipes and the job it is grading.

    ``early``: ``worker.early_settings(...)``, to start its zygote before the first job.
    """

    def __init__(self, early=None):
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        self.process = subprocess.Popen(
            # -P: the grader's folder is not put on sys.path, so a folder there named
            # `workbook` (an --out folder, say) cannot stand in for this package.
            [
                sys.executable,
                "-P",
                "-m",
                "workbook.pipeline.worker",
                str(job_read),
                str(result_write),
                *([early] if early else []),
            ],
            pass_fds=(job_read, result_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("WORKBOOK_DEBUG") else subprocess.DEVNULL,
        )
        os.close(job_read)
        os.close(result_write)
        self.jobs = Connection(job_write, readable=False)
        self.results = Connection(result_read, writable=False)
        self.job = None
        self.deadline = None

    def start(self, job, seconds):
        """Send ``job``; it must be done within ``seconds``."""
        self.job, self.deadline = job, time.monotonic() + seconds
        self.jobs.send(job)

    def finish(self):
        """Return the finished job's ``Result``, or ``None`` if the worker died instead."""
        self.job = None
        try:
            return self.results.recv()
        except (EOFError, OSError):
            return None

    def grade(self, job, seconds):
        """Grade ``job`` and wait for it, at most ``seconds``; kill this worker if it died
        or overran (``alive`` says so): the job then gets a failed ``Result``."""
        self.start(job, seconds)
        if not self.results.poll(seconds):
            self.kill()
            return overran(job, seconds)
        result = self.finish()
        if result is None:
            self.kill()
            return died(job)
        return result

    @property
    def alive(self):
        return not self.results.closed and self.process.poll() is None

    @property
    def overdue(self):
        return self.job is not None and time.monotonic() > self.deadline

    def kill(self):
        """Kill the worker with everything it started (its process group and cgroups)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        cleanup_cgroups(self.process.pid)
        self._close_pipes()

    def ask_to_stop(self):
        """Tell the worker to exit once its job is done (``wait_stopped`` waits for it)."""
        with contextlib.suppress(OSError):
            self.jobs.send(None)

    def stop(self):
        """Ask the worker to exit; kill it if it has not within 10 s."""
        self.ask_to_stop()
        self.wait_stopped()

    def wait_stopped(self):
        """Wait for a worker asked to stop; kill it if it has not exited within 10 s."""
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._close_pipes()

    def _close_pipes(self):
        self.results.close()
        self.jobs.close()


class Pool:
    """``size`` worker processes, started at once: their imports and zygotes take a while,
    which the caller spends preparing the jobs. ``early``: as for ``WorkerProcess``."""

    def __init__(self, size, early=None):
        self.early = early
        self.workers = [WorkerProcess(early) for _ in range(max(size, 1))]

    def run(self, jobs, deadline, on_result):
        """Run ``jobs``; call ``on_result(job, result)`` as each ends.

        A job whose worker dies or overruns ``deadline`` seconds gets a failed result and the
        worker is replaced.
        """
        pending, pool = deque(jobs), self.workers
        while pending or any(worker.job for worker in pool):
            for worker in pool:
                if worker.job is None and pending:
                    worker.start(pending.popleft(), deadline)
            busy = [worker for worker in pool if worker.job is not None]
            ready = wait([worker.results for worker in busy], timeout=1.0)
            for index, worker in enumerate(pool):
                if worker.job is None:
                    continue
                job = worker.job
                if worker.results in ready:
                    result = worker.finish()
                    if result is None:
                        result = died(job)
                        worker.kill()
                        pool[index] = WorkerProcess(self.early)
                    on_result(job, result)
                elif worker.overdue:
                    worker.kill()
                    pool[index] = WorkerProcess(self.early)
                    on_result(job, overran(job, deadline))

    def stop(self):
        """Stop every worker: all are told first, then each is waited for."""
        for worker in self.workers:
            worker.ask_to_stop()
        for worker in self.workers:
            worker.wait_stopped()


def run_jobs(jobs, workers, deadline, on_result):
    """Run ``jobs`` on a ``Pool`` of ``workers`` processes (see ``Pool.run``)."""
    pool = Pool(min(workers, len(jobs)))
    try:
        pool.run(jobs, deadline, on_result)
    finally:
        pool.stop()
