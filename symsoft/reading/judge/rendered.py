"""A flagged step read again as its rendering shows it: a bare ``\\quad`` that cut a row may
space two factors of one side (``-\\frac{1}{p} \\quad p(1-p) = p - 1``), and the braces of
``\\sum_k{e^{z_k} - c}`` are not drawn, so the sum may end at the minus sign.  Where the other
reading holds, the flag is withheld (neither reading is the text's for certain)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Span
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging

# \sum with its scripts, then the brace that opens its summand
_SUM_BRACE = lazy(
    r"\\sum(?![a-zA-Z])\s*(?:\\limits\s*)?"
    r"(?:[_^]\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?[A-Za-z0-9])\s*){0,2}\{"
)


# a chain's first row: h'(x) = … (h primed at one letter), after an environment's opening
_PRIMED_OPENING = lazy(
    r"\s*(?:\\begin\s*\{[a-z*]+\}\s*)?([a-zA-Z])\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)\s*"
    r"(?:\\left\s*)?\(\s*([a-zA-Z])\s*(?:\\right\s*)?\)\s*&?\s*="
)


def _summand_braces(written: str) -> list[tuple[int, int]]:
    """The places of the braces around a sum's summand that holds a sign at its top level
    (``\\sum_k{e^{z_k} - c}``): rendered, the summand may end at that sign."""
    found = []
    for match in _SUM_BRACE.finditer(written):
        opening, depth, signed = match.end() - 1, 0, False
        for pos in range(opening, len(written)):
            char = written[pos]
            if char == "{" and written[pos - 1 : pos] != "\\":
                depth += 1
            elif char == "}" and written[pos - 1 : pos] != "\\":
                depth -= 1
                if depth == 0:
                    if signed:
                        found.append((opening, pos))
                    break
            elif char in "+-" and depth == 1 and pos > opening + 1:
                signed = True
    return found


class _Rendered:
    """Part of :class:`_Judging`."""

    def _as_rendered(self: _Judging, step: Step, counted: int) -> str:
        """Why a flagged step may mean what its rendering shows; "" when not."""
        if step.spaced is not None:  # "-\frac{1}{p} \quad p(1-p) = p - 1": one side?
            lhs, rhs, gap = step.spaced
            joined = self._blanked(replace(step, lhs=lhs, rhs=rhs, spaced=None), counted, [gap])
            if joined.status == "holds":
                return (
                    "the \\quad beside it may space two factors of one side, not part two "
                    f"equations: read so ('{joined.lhs} = {joined.rhs}') it {joined.status}"
                )
        if step.lhs is None:
            return ""
        start = step.lhs.start
        braces = _summand_braces(self.text.slice(start, step.rhs.end))
        if braces:
            places = [Span(start + at, start + at + 1) for pair in braces for at in pair]
            other = self._blanked(step, counted, places)
            if other.status == "holds":
                return (
                    "the braces of a sum's summand are not drawn: read as rendered, the sum "
                    f"ending at the sign inside them, it {other.summary}"
                )
        return ""

    def _primed_opening(self: _Judging, step: Step, result: StepResult) -> str:
        """Why a flag on a chain that opens ``h'(x) = \\left(\\frac{1}{1+e^{-x}}\\right)' = …``
        is withheld when its counterexample gives h(x) a value: the chain differentiates h as
        that function, which the text never defines otherwise here; "" when not."""
        body = self.bodies.get(step.display)
        if body is None or result.counterexample is None:
            return ""
        opening = _PRIMED_OPENING.match(self.text.original, body.start)
        if opening is None:
            return ""
        called = f"{opening.group(1)}({opening.group(2)})"
        if not any(written == called for written, _ in result.counterexample.point):
            return ""
        return (
            f"the chain opens with the derivative of {called}, which it may compute as a "
            "function the text gives there, not as an unknown function"
        )

    def _blanked(self: _Judging, step: Step, counted: int, places: list[Span]) -> StepResult:
        """``step`` judged with the text at ``places`` blanked (restored after)."""
        kept = [self.text.chars[p.start : p.end] for p in places]
        for place in places:
            self.text.blank(place.start, place.end)
        try:
            return replace(self, cache={}).step(step, counted)
        finally:
            for place, chars in zip(places, kept, strict=True):
                self.text.chars[place.start : place.end] = chars
