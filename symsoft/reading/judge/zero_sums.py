"""A flag under a stated zero sum (``\\sum_j v_j = 0``): the step judged again with every such
vector it writes read as values less their mean, so that a counterexample respects what the text
states (knowledge distillation's zero-mean logits)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.reading.judge.symbolic import N
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.meaning.variables import variables_of

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.judge.outcome import StepResult


def at_zero_sums(
    judge,  # noqa: ANN001 - the step's _OtherReadings
    step: Step,
    base: StepResult,
    counted: int,
    values: set[str],
) -> StepResult | None:
    """The flag of ``step`` with each vector of ``values`` (a counterexample's names) that the
    text says sums to zero read as free values less their mean (every zero-sum vector is one of
    them), when the step differentiates by none of them; None when it is not flagged so."""
    names = sorted(name for name in values if judge.constrained.get(name) == f"Σ {name} = 0")
    if not names or set(names) & variables_of(f"{base.lhs} {base.rhs}")[0]:
        return None
    meanings = []
    for name in names:
        index, other = sympy.Dummy("m", integer=True, positive=True), sympy.Dummy("j", integer=True)
        free = sympy.IndexedBase(f"{name}°")
        value = free[index] - sympy.Sum(free[other], (other, 1, N)) / N
        meanings.append(Meaning(name, index, value, "the text", f"{name}_k = {name}°_k - mean"))
    *others, last = meanings  # (all at once: each vector's zero sum holds beside the others')
    judged = judge._judged_with(step, base, counted, last, variant=-31, others=tuple(others))
    if isinstance(judged, _NotChecked) or not judged.flagged:
        return None
    said = ", ".join(f"Σ {name} = 0" for name in names)
    summary = f"{judged.summary} (with {said}, as the text states: free vectors less their mean)"
    return replace(judged, summary=summary)
