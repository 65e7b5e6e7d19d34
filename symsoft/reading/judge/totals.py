"""Totals the displays of a document state (``\\sum_j^C \\hat y_j = 1``): the hypothesis for the
whole document, or, after ``\\quad \\text{when }``, for its own display only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.separators import CONDITIONAL_WORD
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.judge.verdicts import _total_of
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


def displayed_totals(judging: _Judging, steps: list[Step], said: frozenset[int]) -> set[str]:
    """The names the document states to sum to one in a display (``\\sum_j^C \\hat y_j = 1``);
    ``said``: the displays that are equations said in a sentence ("Had they been one-hot, …")."""
    names = {  # p_i \underbrace{\sum_k y_k}_{=1} - y_i: a step of the chain says the total is 1
        found.group(1)
        for step in steps
        if step.lhs is not None and step.display not in said
        for found in _UNDERBRACED.finditer(judging.text.original, step.lhs.start, step.rhs.end)
        if found.group(1) not in judging.meanings.table
    }
    for step in steps:
        if step.lhs is None or "sum" not in judging.text.slice(step.lhs.start, step.lhs.end):
            continue
        if judging.text.slice(step.rhs.start, step.rhs.end).strip(" .,") != "1":
            continue
        written = _ENTRY_UNDER_THE_SUM.fullmatch(judging.text.slice(step.lhs.start, step.lhs.end))
        try:
            name = written[1] if written else _total_of(judging.read(step.lhs))
        except _NotChecked:
            continue
        before = judging.text.slice(max(0, step.lhs.start - 40), step.lhs.start)
        if name is not None and name not in judging.meanings.table and _IF.search(before):
            if name == "y":  # "\quad \text{when } \sum_k y_k = 1": the labels, there only
                judging.local_totals |= {step.display}
        elif name is not None and name not in judging.meanings.table:
            names.add(name)
    return names


_ENTRY_UNDER_THE_SUM = lazy(r"\s*\\sum_\{\s*([a-zA-Z])_\{?[a-z]\}?\s*\}\s*")  # \sum_{y_k}: Σ_k y_k
_IF = lazy(CONDITIONAL_WORD + r"\s*$")
_UNDERBRACED = lazy(
    r"\\underbrace\s*\{\s*\\sum\s*(?:_\s*(?:\{[^{}]*\}|[a-z]))?(?:\^\s*(?:\{[^{}]*\}|\w))?\s*"
    r"([a-zA-Z])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*\}\s*_\s*\{\s*=\s*1\s*\}"
)


_IF_TAIL = lazy(CONDITIONAL_WORD + r"[^$\n]{0,200}")


def unconditional(text: str) -> str:
    """``text`` with the totals said under a condition in a display's tail blanked (same
    length): ``\\quad \\text{when } \\sum_k y_k = 1`` states the hypothesis of its display
    only (:func:`displayed_totals`), not the document's."""
    return _IF_TAIL.sub(lambda m: " " * len(m.group()), text)
