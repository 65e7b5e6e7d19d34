"""The two ways a step is left without a verdict: not checked for a reason (raised while it is
read or judged), and ambiguous (a verdict under one reading that another reading disputes)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.inline_chains import supposed_before_display, supposed_in_section
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.symbolic import is_index

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.documents.spans import Display


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


def _free_call(result: StepResult) -> str:
    """The function the counterexample gives a value at a point (``b(log(mu/(1 - mu))) = 7/2``)
    and the step's left side calls: a function the text has not defined, which the step may be
    defining; "" when none (a rule in function notation, ``f'(x) = …`` of g and h, is judged)."""
    point = result.counterexample.point if result.counterexample else ()
    for name in {written.partition("(")[0] for written, _ in point if "(" in written}:
        if re.fullmatch(rf"\s*\\?{re.escape(name)}\s*(?:\\left\s*)?\([^()]*\)\s*", result.lhs):
            return name  # the step's whole left side is a call of it: perhaps its definition
    return ""


def matrix_unsure(judging, step: Step, judged: tuple[str, str]) -> str:
    """Why a flag of the batch, data-matrix, softmax-vector or max-shift judges may not stand:
    the maximum defined only after the step, or a hypothesis said in words in the paragraph
    before its display ("initialise $W = 0$ … Then every logit is zero, and"), which these
    judges, evaluating at points of their own, do not apply."""
    if why := judging._shift_later(step):
        return str(why)
    if judged[0] == "fails" and supposed_before_display(judging.text.original, step.relation.start):
        return "the words before it suppose something of the values, which is not applied here"
    return ""


# a conditional probability alone: "y = \sigma(w_0 x + w_1) = P(t=1|x)" names what y means in the
# model at hand (real68 02: P(t=1|x) = w in an earlier model of the same text)
_PROBABILITY_NAMED = re.compile(
    r"\s*(?:(?:P|p|\\Pr|q)\s*(?:\\left)?\([^()|]*\|[^()]*\)|[PpqQ]\ue001[A-Za-z\ue001]+)\s*"
)  # (P\ue001cA: P(t=1|x) as documents/conditionals.py spells it)


def withheld_in_sentences(
    results: list[StepResult], displays: list[Display], steps: list[Step], source: str = ""
) -> list[StepResult]:
    """The flags of chains worked inside a sentence (displays ``said``) made ambiguous: the
    sentence and those around it may state a hypothesis, a value or a case in words ("if every
    logit coincides", "at a logit of zero", "for positive inputs") that is not read here.  So
    is a flag short of "fails" on a reason written beside a row (``&& \\text{using }
    \\partial p_k / \\partial z_i = -p_k p_i``), or on that row: the row's words (a sum over
    k ≠ i) may give the reason the case it holds in, and the reason may state the row's."""
    why = "an equation said in a sentence, whose words may give it a hypothesis not read here"
    said = {d.number for d in displays if d.said}
    # an equation claimed in a sentence ($…$, \(…\)) after a paragraph that supposes values
    # ("With zero weights, every logit starts at zero."): review 67
    inline = {
        d.number
        for d in displays
        if source[d.start : d.start + 2] in ("\\(",)
        or (source[d.start : d.start + 1] == "$" and source[d.start : d.start + 2] != "$$")
    }
    supposed = "the words before it suppose something of the values, which is not applied here"
    named = (
        "the right side, a probability, may be named here (a model's new one) rather than valued"
    )
    at = {(s.display, s.step): s.relation.start for s in steps}
    beside = {(s.display, s.step): s.aside for s in steps if s.aside}
    reason = "a reason beside the chain, which the row may state for the case it holds in"
    valued = "a value set beside the row, which this reading does not apply"

    def withheld(r: StepResult) -> StepResult:
        if not r.flagged:
            return r
        if called := _free_call(r):  # b(θ) = -log(1 - μ), b only differentiated before
            return _ambiguous(r, f"{called} is a function the document does not define before it")
        if r.display in said:
            return _ambiguous(r, why)
        if _PROBABILITY_NAMED.fullmatch(r.rhs) and not _PROBABILITY_NAMED.fullmatch(r.lhs):
            return _ambiguous(r, named)
        where = at.get((r.display, r.step))
        if (
            r.display in inline
            and where is not None
            and (supposed_before_display(source, where) or supposed_in_section(source, where))
        ):
            return _ambiguous(r, supposed)
        aside = beside.get((r.display, r.step))
        if aside == "valued" and not AT_VALUE.fullmatch(r.condition or ""):
            return _ambiguous(r, valued)  # (judged at it, judge/row_values.py: it stands)
        return _ambiguous(r, reason) if aside and r.status != "fails" else r

    return [withheld(r) for r in results]


AT_VALUE = re.compile(r"[A-Za-z]+ = -?\d+(?:/\d+)?")  # a step judged at the value beside its row


def index_clash(result: StepResult, lhs: sympy.Expr, rhs: sympy.Expr, meanings) -> StepResult:
    """A flag withheld when a letter of the step is an index and, in the meanings read, a
    vector too (``z_b`` for the class b beside the bias ``b_j``): the text gives the letter two
    roles, and the reading under which it fails may not be the author's."""
    if not result.flagged:
        return result
    indices = {s.name for s in lhs.free_symbols | rhs.free_symbols if is_index(s)}
    try:
        sides = [meanings.expand(side) for side in (lhs, rhs)]
    except (Unreadable, SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError):
        return result  # (a side not expanded: no clash shown)
    vectors = {str(b.label) for side in sides for b in side.atoms(sympy.IndexedBase)}
    written = {str(b.label) for side in (lhs, rhs) for b in side.atoms(sympy.IndexedBase)}
    if clash := sorted(indices & (vectors - written)):  # (both in the step: name_and_index's)
        return _ambiguous(result, f"{clash[0]} is an index here and a vector elsewhere")
    return result
