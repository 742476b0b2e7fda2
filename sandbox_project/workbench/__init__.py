"""The kernel-side toolkit: boot the sandbox project inside a notebook and work with it.

from workbench import boot
sandbox = boot()
"""

from workbench.boot import boot

__all__ = ["boot"]
