"""A step with a matrix or vector written out (``\\begin{bmatrix} … \\end{bmatrix}``): every entry
judged at the size written; with both sides written out, at one size more too (a block of a
larger matrix). After a worked example in its section (``Take $\\mathbf{o} = (\\ln 3, 0)^\\top$``)
the entries are judged at the example's values, whose length fixes the size: a side of numbers
is the example's value, never a rule for every point."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.names import Unreadable, free_leaves
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rounding import DECIMAL, within_rounding
from symsoft.reading.judge.steps import CaseCheck, judge
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.judge.verdicts import _summarized, _unstated, as_block
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.notation.vectors import Entry

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


class _WrittenEntries:
    """Part of :class:`_Judging`."""

    def _entries_point(
        self: _Judging, step: Step, each: list[Entry]
    ) -> tuple[tuple[int, dict, str] | None, _NotChecked | None, list[Entry]]:
        """The worked example in force at ``step`` (its size, values and spelling), or why its
        values are not substituted; and the entries to judge there (at the example's size
        alone: a matrix of its length is the whole Jacobian, not a block of a larger one)."""
        assert step.lhs is not None
        example = self._example(step.lhs.start)
        if not example:
            return None, None, each
        try:
            point = self._example_point(step, example)
        except _NotChecked as exc:
            return None, exc, each
        sizes = {entry.size for entry in each if not entry.larger}
        if sizes != {point[0]}:
            raise _NotChecked(
                f"ambiguous: the matrix written out has size {', '.join(map(str, sorted(sizes)))}"
                f", the worked example ({point[2]}) {point[0]}",
                step.relation.start,
            )
        return point, None, [entry for entry in each if not entry.larger]

    def _entries(self: _Judging, step: Step, base: StepResult, each: list[Entry]) -> StepResult:
        """A step with a matrix written out: every entry judged at its size (both sides written
        out: at one size more too, where they are a block of a larger matrix), or at the
        worked example in force."""
        point, unsubstituted, each = self._entries_point(step, each)
        checks: dict[bool, list[CaseCheck]] = {False: [], True: []}
        defaults: set[Meaning] = set()
        unstated: set[str] = set()  # names a flag must not rest on (judging.free_leaves)
        sizes = sorted({entry.size for entry in each if not entry.larger})
        rounded = False
        for name, left, right, size, larger in each:
            self.meanings.used.clear()
            try:
                lhs, rhs = self.reader.expression(left), self.reader.expression(right)
                near = _rounded_alike(left, right, lhs, rhs, self.reader.expression)
                if near is not None:
                    lhs = rhs = near  # [0.033] for \frac{1}{3}[0.1]: to the digits written
                    rounded = True
                cases = judge(
                    lhs,
                    rhs,
                    self.meanings,
                    step.condition,
                    self.hypothesis_stated,
                    size,
                    point[1] if point else None,
                )
                if point and (near := _rounded_at(left, right, cases, point[1])) is not None:
                    # [0.6590] for p_1 at z = (2, 1, 0.1): to the digits written, there
                    cases, rounded = judge(near, near, self.meanings, None, True, size), True
            except (Unreadable, SymsoftError) as exc:
                raise _NotChecked(f"{name}: {exc}", step.relation.start) from None
            except (RecursionError, ValueError, TypeError, ArithmeticError) as exc:
                reason = f"{name}: SymPy could not handle it ({type(exc).__name__})"
                raise _NotChecked(reason, step.relation.start) from None
            defaults |= set(self.meanings.defaults())
            unstated |= set(
                free_leaves([left, right], (lhs, rhs), self.meanings.used, self.meanings)
            )
            checks[larger] += [replace(case, case=name) for case in cases]
        at = sizes[0] if len(sizes) == 1 and not point else None
        result, block = (
            _summarized(
                base,
                tuple(c for c in found if c.verdict.status == "refuted")[:1] or tuple(found),
                self.hypothesis_stated,
                size,
            )
            for found, size in ((checks[False], at), (checks[True], None))
        )
        if unsubstituted and (result.status, result.flagged) != ("holds", False):
            raise unsubstituted  # values not read: only a step that holds for all of them holds
        if point and result.status in ("holds", "holds only", "fails"):
            summary = f"{result.summary} at the worked example ({point[2]})"
            result = replace(result, summary=summary)
        if rounded and result.status == "holds":
            result = replace(result, summary=f"{result.summary} to the digits written (≈)")
        if checks[True]:
            result = as_block(result, block, sizes[0])
        elif at is None and result.status == "holds" and not point:  # a matrix written with dots
            shown = ", ".join(map(str, sizes))
            result = replace(result, summary=f"{result.summary} at N = {shown} (entries shown)")
        return _unstated(
            result,
            sorted(meaning.latex for meaning in defaults)
            + [f"{name} is a free variable" for name in sorted(unstated)],
        )


def _rounded_alike(
    left: str,
    right: str,
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    parse: Callable[[str], sympy.Expr],
) -> sympy.Expr | None:
    """The exact value of an entry one side writes as a decimal the other side's number rounds
    to (``0.033`` beside ``\\frac{1}{3} \\cdot 0.1``), or as arithmetic of such decimals
    (``0.6457 \\times 0.3543`` beside ``\\sigma(0.6)(1 - \\sigma(0.6))``), or None."""
    for written, value, exact, text in ((right, rhs, lhs, left), (left, lhs, rhs, right)):
        if exact.free_symbols or value.free_symbols:
            continue
        try:
            if within_rounding(written.strip(), text, float(exact), parse):
                return exact
        except TypeError:
            return None
        decimal = DECIMAL.fullmatch(written.strip().removeprefix("(").removesuffix(")"))
        if decimal is None:
            continue
        unit = 10.0 ** -len(decimal.group(1))
        try:
            if abs(float(exact) - float(value)) <= 0.5 * unit * (1 + 1e-9):
                return exact
        except TypeError:
            return None
    return None


def _rounded_at(left: str, right: str, cases: list[CaseCheck], values: dict) -> sympy.Expr | None:
    """The decimal one side of an entry writes (``0.6590``) when the other side, at the worked
    example's ``values``, is a number it rounds (0.659001…): a refutation there, with no name
    left free, that the rounding explains; else None."""
    found = next((c.verdict.counterexample for c in cases if c.verdict.counterexample), None)
    given = {str(name) for name in values}
    if found is None or any(name not in given for name, _ in found.point):
        return None
    for written, value, other in (
        (right, found.rhs_float, found.lhs_float),
        (left, found.lhs_float, found.rhs_float),
    ):
        decimal = DECIMAL.fullmatch(written.strip().removeprefix("(").removesuffix(")"))
        if decimal and abs(value - other) <= 0.5 * 10.0 ** -len(decimal.group(1)) * (1 + 1e-9):
            return sympy.Rational(decimal.group().strip())
    return None
