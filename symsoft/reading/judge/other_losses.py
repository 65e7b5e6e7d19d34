"""A step about the document's cross-entropy after words that speak of another loss or another
output ("Now use the quadratic cost.", a heading "### Quadratic cost", "Switching to per-class
independent outputs with BCE"): the text may have changed the loss in words, which this reader
does not read, so the step is judged under neither (not "holds" under the cross-entropy the
author has left, nor "fails" there: review 62c found both)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.definitions import losses

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.judge.judging import _Judging
    from symsoft.reading.judge.outcome import StepResult

# another loss or another output layer, named in words
_OTHER = lazy(
    r"(?i)\b(?:quadratic\s+(?:cost|loss)|squared[\s-]+(?:error|loss)|mean[\s-]+squared|mse"
    r"|l2[\s-]+(?:loss|cost)|euclidean\s+(?:loss|distance)|hinge\s+loss|focal\s+loss"
    r"|binary\s+cross[\s-]*entropy|bce|(?:sigmoid|independent|tanh)\s+outputs?"
    r"|(?:sigmoid|tanh)\s+output\s+(?:layer|units?))\b"
)
_MATH = lazy(r"\$\$.*?\$\$|\$[^$]*\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.DOTALL)


def other_loss(judging: _Judging, step: Step, result: StepResult) -> StepResult:
    """``result``, or "not checked" when the step writes a loss of the document (a sum of
    label-weighted logarithms) and the words between its definition and the step name another
    loss or output layer."""
    if result.status not in ("holds", "holds only", "fails") or step.lhs is None:
        return result
    written = judging.text.slice(step.lhs.start, step.rhs.end)
    for name in sorted(losses(judging.meanings.table)):
        if not judging.meanings.table[name].value.has(sympy.Sum):
            continue  # (a binary cross-entropy: its own name is no other loss)
        at = judging.meanings.defined_at.get(name)
        if at is None or at > step.lhs.start:
            continue
        if not re.search(rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z])", written):
            continue
        words = _MATH.sub(" ", judging.text.original[at : step.lhs.start])
        if found := _OTHER.search(words):
            said = " ".join(found.group().split())
            said = said[0].lower() + said[1:] if said[1:2].islower() else said  # (a heading's)
            return replace(
                result,
                status="not checked",
                summary=f"not checked: the text speaks of the {said} after defining {name} "
                "as a cross-entropy: which loss does the step mean? not read",
            )
    return result


__all__ = ["other_loss"]
