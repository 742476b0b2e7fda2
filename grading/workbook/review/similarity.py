"""Find pairs of submissions whose answer cells are suspiciously alike.

Answers are the solution cells and the prose answers (markdown, compared as words). Code is
normalised: comments, blank lines and layout are dropped and
the names a candidate chooses (variables, functions, parameters) become one placeholder, while
keywords, builtins, attribute names, strings and numbers stay. Its fingerprint is the set of
token k-grams. Code everyone was given or is expected to write, the stub and the reference
solution, is subtracted first (MOSS's "base file" idea), and answers left unchanged from the stub
are skipped. Two candidates' similarity is the Jaccard index of their remaining fingerprints over
the tasks both answered. Pairs with too little distinctive code to judge are never flagged.
"""

import builtins
import io
import keyword
import re
import tokenize
from dataclasses import dataclass, field
from itertools import combinations

from nbgrader.api import Gradebook, MissingEntry

from workbook.notebook import ANSWER_SUFFIX
from workbook.review.tamper import read_notebook, submitted_notebook

K = 5  # tokens per fingerprint: long enough to carry structure, short enough for tiny cells
THRESHOLD = 0.5  # Jaccard index from which a pair is flagged: half the distinctive code shared
MIN_FINGERPRINTS = 12  # fewer distinctive k-grams than this between two candidates: no verdict
NAME = "_"
_BUILTINS = frozenset(dir(builtins))  # kept as written: nobody renames ``sorted``
_SKIP = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}
_FALLBACK = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|\w+|[^\w\s]")


def tokens(source, markdown=False):
    """Return ``source`` as normalised tokens (see the module docstring); prose as words."""
    if markdown:
        return re.findall(r"\w+", source.lower())
    out = []
    try:
        raw = [
            (token.type, token.string)
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type not in _SKIP
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        # Not valid Python (a magic, a half-written line): a rougher split still compares.
        text = re.sub(r"#[^\n]*", "", source)
        raw = [
            (tokenize.NAME if re.fullmatch(r"[A-Za-z_]\w*", t) else tokenize.OP, t)
            for t in _FALLBACK.findall(text)
        ]
    previous = None
    for kind, text in raw:
        chosen = not keyword.iskeyword(text) and text not in _BUILTINS and previous != "."
        if kind == tokenize.NAME and chosen:
            out.append(NAME)
        else:
            out.append(text)
        previous = text
    return out


def fingerprints(token_list, k=K):
    """Return the set of ``k``-token windows (the whole list if it is shorter)."""
    if not token_list:
        return set()
    if len(token_list) <= k:
        return {tuple(token_list)}
    return {tuple(token_list[i : i + k]) for i in range(len(token_list) - k + 1)}


@dataclass(frozen=True)
class CellMatch:
    notebook: str
    cell: str
    score: float
    source_a: str
    source_b: str


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: float
    size: int  # distinctive fingerprints compared
    cells: list = field(default_factory=list)  # CellMatch, most alike first


def compare(answers, base, threshold=THRESHOLD, min_size=MIN_FINGERPRINTS, markdown=()):
    """Return the flagged pairs, most alike first.

    ``answers``: ``{student: {(notebook, cell): source}}``; ``base``: ``{(notebook, cell):
    [source, ...]}``, the stub first, then any code everyone may share (the reference);
    ``markdown``: the keys of prose answers, compared as words.
    """
    stubs = {key: tokens(sources[0], key in markdown) for key, sources in base.items() if sources}
    shared = {
        key: set().union(*(fingerprints(tokens(s, key in markdown)) for s in sources))
        for key, sources in base.items()
    }
    prints = {}
    for student, cells in answers.items():
        prints[student] = {}
        for key, source in cells.items():
            words = tokens(source, key in markdown)
            if not words or words == stubs.get(key):
                continue  # unanswered: nothing of theirs to compare
            own = fingerprints(words) - shared.get(key, set())
            if own:
                prints[student][key] = own
    pairs = []
    for a, b in combinations(sorted(prints), 2):
        common = sorted(set(prints[a]) & set(prints[b]))
        inter = union = 0
        cells = []
        for key in common:
            left, right = prints[a][key], prints[b][key]
            both, either = len(left & right), len(left | right)
            inter += both
            union += either
            cells.append(CellMatch(key[0], key[1], both / either, answers[a][key], answers[b][key]))
        if not union or union < min_size:
            continue
        score = inter / union
        if score >= threshold:
            cells.sort(key=lambda match: -match.score)
            pairs.append(Pair(a, b, score, union, cells))
    pairs.sort(key=lambda pair: (-pair.score, pair.a, pair.b))
    return pairs


def _answer_cells(notebook, prose_ids):
    """Return ``{id: source}`` of the solution cells and of the prose answer cells."""
    cells = {}
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader")
        if isinstance(meta, dict) and meta.get("solution") and meta.get("grade_id") is not None:
            cells.setdefault(str(meta["grade_id"]), str(cell.get("source", "")))
        elif cell.get("id") in prose_ids and cell.get("cell_type") == "markdown":
            cells.setdefault(str(cell["id"]), str(cell.get("source", "")))
    return cells


def answers_and_stubs(course):
    """Return ``(answers, base, markdown)`` for ``compare`` from the submissions and gradebook.

    Answers are the solution cells and, for each prose task ``<id>``, the markdown cell with
    the id ``<id>_answer`` that follows it (the workbook's convention).
    """
    base, markdown, prose = {}, set(), {}
    with Gradebook(course.db_url, course.config.CourseDirectory.course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(course.assignment)
        except MissingEntry:
            return {}, {}, set()
        names = sorted(notebook.name for notebook in assignment.notebooks)
        for notebook in assignment.notebooks:
            solutions = {cell.name for cell in notebook.solution_cells}
            prose[notebook.name] = {f"{cell.name}{ANSWER_SUFFIX}" for cell in notebook.task_cells}
            for cell in notebook.source_cells:
                if cell.name in solutions:
                    base[(notebook.name, cell.name)] = [cell.source or ""]
                    if cell.cell_type == "markdown":
                        markdown.add((notebook.name, cell.name))
    for name in names:  # prose stubs and the reference solutions, from the source notebooks
        reference = read_notebook(course.folder("source") / f"{name}.ipynb")
        if reference is None:
            continue
        for grade_id, source in _answer_cells(reference, prose[name]).items():
            key = (name, grade_id)
            if grade_id in prose[name]:
                base[key] = [source]
                markdown.add(key)
            elif key in base:
                base[key].append(source)
    answers = {}
    for student in course.students():
        answers[student] = {}
        for name in names:
            notebook = read_notebook(submitted_notebook(course, student, name))
            if notebook is None:
                continue
            for grade_id, source in _answer_cells(notebook, prose[name]).items():
                if (name, grade_id) in base:
                    answers[student][(name, grade_id)] = source
    return answers, base, markdown


def similar_pairs(course, threshold=THRESHOLD, min_size=MIN_FINGERPRINTS):
    """Return the pairs of ``course``'s submissions alike from ``threshold`` on."""
    answers, base, markdown = answers_and_stubs(course)
    return compare(answers, base, threshold, min_size, markdown)
