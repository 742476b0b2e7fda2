"""Code that runs inside the sandbox, in or beside the candidate's kernel.

These files are read as source (``kernel_guard``, ``kernel_zygote``) or started as scripts
(``limited``) inside the sandbox, where the workbook's packages may not be importable; the grader
imports ``kernel_zygote.remove_tree`` too. They use the standard library and what the kernel
runs on (IPython, ipykernel, Django), never the rest of ``workbook``:
``tests/isolation/test_kernel_side.py`` proves it.
"""
