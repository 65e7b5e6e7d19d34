"""Lines of LaTeX that lost their delimiters: a page stored or pasted without the ```` ```math ````
fences or the ``$$`` around its displays (a Qiita post, a scraped blog) leaves lines such as
``y_{ij} = \\frac{\\exp(x_{ij})}{\\sum_{k=1}^n \\exp(x_{ik})}\\\\`` between its sentences.

A run of consecutive lines each of which is mathematics and nothing else (a LaTeX command, a
script or a relation in it; no ``$``; no word of prose: every run of two or more letters is a
command's name or a function's, ``log``, ``exp``…; no CJK) is read as one display when the
run writes an equation. A line with a single word of prose, or a sentence around the math,
keeps the run from being one.
"""

from __future__ import annotations

import bisect
import itertools
import re

from symsoft.reading.documents.languages import writes_cjk
from symsoft.reading.lazy_regex import lazy

_COMMAND = lazy(r"\\[A-Za-z]+|\\.")
_TEXT_GROUP = lazy(r"\\(?:text|mathrm|operatorname|textrm|mathbf|boldsymbol|mathcal)\s*\{[^{}]*\}")
_WORD = lazy(r"[A-Za-z]{2,}")
_FUNCTION_WORDS = frozenset(
    "log ln exp sin cos tan tanh sinh cosh max min softmax sigmoid diag tr det arg argmax".split()
)
_SCRIPT = lazy(r"[_^]\s*\{[^{}]*\}")  # x_{ij}, e^{x}: indices are no words
_SHORT_PROSE = frozenset("is we of to in by if as at on or be an so it".split())
_MATH_SIGN = lazy(r"\\[A-Za-z]+|[_^]\s*\{|[=+\-*/]")
_CJK = lazy(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_EQUATION = lazy(r"(?<![<>!\\])=")


def _is_bare_math(line: str) -> bool:
    stripped = line.strip()
    if not stripped or "$" in stripped or "`" in stripped or "\\(" in stripped:
        return False
    if stripped.startswith(("#", ">", "|", "-", "*", "<", "!", "[")) and not stripped.startswith(
        ("-\\", "- \\", "-(", "- (")
    ):
        return False  # a heading, a quote, a table, a list item, HTML, an image or a link
    if (writes_cjk(stripped) and _CJK.search(stripped)) or not _MATH_SIGN.search(stripped):
        return False
    if "\\" not in stripped and not re.search(r"[_^]\s*\{", stripped):
        return False  # "a = b" in plain words is left to the plain-text reader
    bare = _COMMAND.sub(" ", _SCRIPT.sub(" ", _TEXT_GROUP.sub(" ", stripped)))
    return all(
        word in _FUNCTION_WORDS or (len(word) == 2 and word not in _SHORT_PROSE)
        for word in _WORD.findall(bare)
    )


def bare_math_blocks(source: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each run of bare math lines of ``source`` that writes an equation and
    lies outside every span of ``taken`` (the displays found).  Two lines are one display only
    when the first ends a row (``\\\\``), ends in an operator or leaves a group open, or the
    second goes on (``= …``, ``+ …``, ``&= …``, ``\\right)``): else each line is one."""
    ordered = sorted(taken)
    opened = [a for a, _ in ordered]
    reach = list(itertools.accumulate((b for _, b in ordered), max))  # (bisection, as for
    runs: list[list[tuple[int, int]]] = []  # the lone $…$ lines: a scan per line was quadratic)
    pos, previous = 0, ""
    for line in source.split("\n"):
        line_end = pos + len(line)
        before = bisect.bisect_right(opened, line_end)
        inside = before > 0 and reach[before - 1] > pos
        if not inside and _is_bare_math(line):
            if runs and runs[-1][-1][1] == pos - 1 and _goes_on(previous, line):
                runs[-1].append((pos, line_end))
            else:
                runs.append([(pos, line_end)])
            previous = line
        pos = line_end + 1
    blocks = [(run[0][0], run[-1][1]) for run in runs]
    return [(a, b) for a, b in blocks if _EQUATION.search(source[a:b])]


_ENDS_OPEN = lazy(r"(?:\\\\|[=+\-*/&({]|\\left\s*[(\[.]|\\(?:cdot|times))\s*$")
_GOES_ON = lazy(r"\s*(?:[=+\-*/&)}]|\\right|\\(?:cdot|times)(?![A-Za-z]))")


def _goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` continues the math of ``previous`` (see :func:`bare_math_blocks`)."""
    if _ENDS_OPEN.search(previous) or _GOES_ON.match(line):
        return True
    return previous.count("{") > previous.count("}") or previous.count("(") > previous.count(")")
