"""Errors a user can fix: ``workbook`` prints them as one line and exits with status 2."""


class CommandError(Exception):
    """What went wrong and what to do about it, in words for the person at the keyboard."""


class SandboxUnavailable(CommandError):
    """Submitted code would have to run unconfined, and nobody asked for that."""
