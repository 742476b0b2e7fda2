"""Code that runs inside the sandbox, next to the candidate's kernel: standard library only.

These files are read as source (``kernel_guard``, ``kernel_zygote``) or started as scripts
(``limited``) inside the sandbox, where the workbook's packages may not be importable; the grader
imports ``kernel_zygote.remove_tree`` too. ``tests/isolation/test_kernel_side.py`` proves they
import nothing but the standard library.
"""
