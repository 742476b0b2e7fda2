"""A progress bar with an ETA on a terminal, plain lines elsewhere (logs, CI, pipes)."""

import sys
import time


class Progress:
    def __init__(self, total, what="submissions", stream=None, width=30):
        self.total = total
        self.what = what
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self.started = time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def eta(self):
        if not self.done:
            return "?"
        elapsed = time.monotonic() - self.started
        left = int(elapsed / self.done * (self.total - self.done))
        return f"{left // 60}:{left % 60:02d}"

    def step(self, label, status="ok"):
        """Count one finished item."""
        self.done += 1
        if self.tty:
            filled = int(self.width * self.done / max(self.total, 1))
            bar = "#" * filled + "-" * (self.width - filled)
            line = f"\r[{bar}] {self.done}/{self.total} {self.what}  ETA {self.eta()}  {label}"
            self.stream.write(line[:120].ljust(120))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {label}: {status}\n")
        self.stream.flush()
