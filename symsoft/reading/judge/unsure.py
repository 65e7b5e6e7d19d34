"""The two ways a step is left without a verdict: not checked for a reason (raised while it is
read or judged), and ambiguous (a verdict under one reading that another reading disputes)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from symsoft.reading.judge.outcome import StepResult

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step


class _NotChecked(Exception):
    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


def _ambiguous(result: StepResult, why: str) -> StepResult:
    return replace(
        result,
        status="not checked",
        summary=f"not checked: ambiguous: {result.summary}; {why}",
        hypothesis_stated=True,
    )


def withheld_in_sentences(
    results: list[StepResult], said: set[int], steps: list[Step]
) -> list[StepResult]:
    """The flags of chains worked inside a sentence (displays ``said``) made ambiguous: the
    sentence and those around it may state a hypothesis, a value or a case in words ("if every
    logit coincides", "at a logit of zero", "for positive inputs") that is not read here.  So
    is a flag short of "fails" on a reason written beside a row (``&& \\text{using }
    \\partial p_k / \\partial z_i = -p_k p_i``), or on that row: the row's words (a sum over
    k ≠ i) may give the reason the case it holds in, and the reason may state the row's."""
    why = "an equation said in a sentence, whose words may give it a hypothesis not read here"
    beside = {(s.display, s.step): s.aside for s in steps if s.aside}
    reason = "a reason beside the chain, which the row may state for the case it holds in"
    valued = "a value set beside the row ('where T = 2'), which this reading does not apply"

    def withheld(r: StepResult) -> StepResult:
        if not r.flagged:
            return r
        if r.display in said:
            return _ambiguous(r, why)
        aside = beside.get((r.display, r.step))
        if aside == "valued":
            return _ambiguous(r, valued)
        return _ambiguous(r, reason) if aside and r.status != "fails" else r

    return [withheld(r) for r in results]
