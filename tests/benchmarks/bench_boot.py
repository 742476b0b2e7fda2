"""How much does booting the sandbox add to starting a kernel?  Run on purpose, not by pytest:

    .venv/bin/python tests/benchmarks/bench_boot.py [--runs 7]
    tests/services.sh .venv/bin/python tests/benchmarks/bench_boot.py   # PostgreSQL + memcached

Each round starts fresh ``django-workbook`` kernels and times, from the start of the kernel to
the reply of its first cell:

- bare: the first cell is trivial;
- template: the first cell boots, copying the seeded template (the usual case);
- scratch: the first cell boots with no template yet, so it migrates and seeds (the first boot
  after a change of migrations or seed code).

The rounds interleave the three so that a busy machine slows them alike. Medians are printed,
with boot's overhead over a bare kernel and the time boot() itself reports inside the kernel.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid

from jupyter_client.manager import KernelManager
from workbench.kernelspec import KERNEL_NAME

GOAL = 0.3  # seconds boot may add to a kernel start

CELLS = {
    "bare": "1 + 1",
    "template": "from workbench import boot\nsandbox = boot()",
    # A fingerprint no template has: boot must migrate and seed, as on a first run.
    "scratch": (
        "from workbench import databases\n"
        "databases.fingerprint = lambda size, seed: {token!r}\n"
        "from workbench import boot\nsandbox = boot()"
    ),
}
TIMED = (
    "import time as _t\n_start = _t.perf_counter()\n{cell}\n"
    "_boot = _t.perf_counter() - _start\n_cpu = _t.process_time()"
)
CLEANUP = (
    "if sandbox.database.vendor == 'postgresql':\n"
    "    sandbox.database._admin(f'DROP DATABASE \"{sandbox.database.template}\"')\n"
)


def execute(client, code):
    reply = client.execute_interactive(code, timeout=300, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{reply['content']['ename']}: {reply['content']['evalue']}")


def value(client, expression):
    found = []

    def hook(msg):
        if msg["msg_type"] == "execute_result":
            found.append(msg["content"]["data"]["text/plain"])

    client.execute_interactive(expression, timeout=60, output_hook=hook)
    return float(found[0])


def one_run(kind, env):
    """Return seconds from kernel start to the first cell's reply, boot() seconds inside the
    kernel, and the kernel process's CPU seconds until then (steadier on a busy machine)."""
    manager = KernelManager(kernel_name=KERNEL_NAME)
    cell = CELLS[kind].format(token=uuid.uuid4().hex[:12])
    started = time.perf_counter()
    manager.start_kernel(env=env, stderr=open(os.devnull, "w"))  # noqa: SIM115
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        execute(client, TIMED.format(cell=cell))
        total = time.perf_counter() - started
        inside = value(client, "_boot")
        cpu = value(client, "_cpu")
        if kind == "scratch":
            execute(client, CLEANUP)
        return total, inside, cpu
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    base = {**os.environ, "WORKBOOK_STATE_DIR": tempfile.mkdtemp(prefix="bench-boot-")}
    vendor = os.environ.get("WORKBOOK_DATABASE") or "sqlite"
    cache = os.environ.get("WORKBOOK_CACHE") or "locmem"
    print(f"{args.runs} runs each, {vendor} + {cache}, load average {os.getloadavg()[0]:.1f}")
    print("(a busy machine inflates wall times; the kernel's CPU time is steadier)")
    one_run("template", base)  # warm up: builds the template, fills the OS's file cache

    times = {kind: [] for kind in CELLS}
    inside = {kind: [] for kind in CELLS}
    cpu = {kind: [] for kind in CELLS}
    for round_ in range(args.runs):
        for kind in CELLS:
            env = base
            if kind == "scratch" and vendor == "sqlite":
                env = {**base, "WORKBOOK_STATE_DIR": tempfile.mkdtemp(prefix="bench-scratch-")}
            total, boot_seconds, cpu_seconds = one_run(kind, env)
            times[kind].append(total)
            inside[kind].append(boot_seconds)
            cpu[kind].append(cpu_seconds)
        print(f"  round {round_ + 1}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items()))

    bare = statistics.median(times["bare"])
    bare_cpu = statistics.median(cpu["bare"])
    print()
    print(
        f"{'first cell':<10} {'median':>8} {'min':>8} {'max':>8} {'+ over bare':>12}"
        f" {'boot()':>8} {'kernel CPU':>11} {'+ CPU':>8}"
    )
    for kind in CELLS:
        median = statistics.median(times[kind])
        extra = "" if kind == "bare" else f"{median - bare:+.3f} s"
        own = "" if kind == "bare" else f"{statistics.median(inside[kind]):.3f} s"
        used = statistics.median(cpu[kind])
        extra_cpu = "" if kind == "bare" else f"{used - bare_cpu:+.3f} s"
        print(
            f"{kind:<10} {median:>6.3f} s {min(times[kind]):>6.3f} s {max(times[kind]):>6.3f} s"
            f" {extra:>12} {own:>8} {used:>9.3f} s {extra_cpu:>8}"
        )
    overhead = statistics.median(times["template"]) - bare
    verdict = "within" if overhead <= GOAL else "over"
    print(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
    print(
        f"\nBoot with the template adds {overhead:.3f} s to a kernel start: "
        f"{verdict} the {GOAL} s goal."
    )
    return 0 if overhead <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
