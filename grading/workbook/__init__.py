"""The grader's toolkit: build candidate notebooks, import submissions, grade and report."""

import sys

# jsonschema (under nbformat) imports rfc3987_syntax when it is installed, and that module
# compiles dozens of Lark grammars as it loads: about a second in every grading process, for
# an "iri" format check that nothing here makes (nbformat validates with fastjsonschema, and
# no format checker is used). Marked absent, jsonschema skips it; a process that loaded it
# already keeps it.
sys.modules.setdefault("rfc3987_syntax", None)
