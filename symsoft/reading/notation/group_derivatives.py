"""The derivative of a group written with vectors by a vector: ``\\frac{\\partial
(\\mathbf{W}\\mathbf{x} + \\mathbf{b})}{\\partial \\mathbf{b}}``.  A number in the group gives
its gradient (a column, entry r ``\\frac{\\partial}{\\partial b_r}(…)``), a vector its Jacobian
(numerator layout: row r, column c ``\\frac{\\partial}{\\partial b_c}(…)_r``; in the
denominator layout the row is the variable); a matrix in the group is not read.
"""

from __future__ import annotations

from symsoft.reading.documents.brackets import matching
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.atoms import SOFTMAX_SIGMA
from symsoft.reading.notation.written_out import _marked, _Value, vector_call

_D = r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|d)"


# \frac{\partial (: the numerator's group opens right after the ∂
_OPENED = lazy(r"\\[dt]?frac\s*\{\s*" + _D + r"\s*(?=\\left\s*\(|\()")


# \frac{\partial \mathrm{softmax}(, \frac{\partial \sigma(: a function's call above the bar
_OPENED_CALL = lazy(r"\\[dt]?frac\s*\{\s*" + _D + r"\s*(?=\\[a-z]|[sS]oftmax)")
_SIGMA = lazy(r"\\sigma\s*(?=\\left\s*\(|\()")


# the rest of the fraction after the group: }{\partial \mathbf{v}} (or \hat{\mathbf{v}})
_BELOW = lazy(
    r"\s*\}\s*\{\s*" + _D + r"\s*(?:\\(hat|tilde|bar)\s*\{\s*)?"
    r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-z]|\\[a-z]+)\s*\}|([a-z]))\s*(\})?\s*\}"
)


class _GroupDerivatives:
    """Part of :class:`~symsoft.reading.notation.translation._Translation`."""

    def _group_derivative(self, pos: int, end: int) -> tuple[_Value, int] | None:
        opened = _OPENED.match(self.text, pos, end)
        inside = self._inside(opened.end(), end) if opened else None
        if opened is None or inside is None or not _marked(self.text[inside[0] : inside[1]]):
            inside = self._called(pos, end)
            if inside is None:
                return None
        below = _BELOW.match(self.text, inside[2], end)
        if below is None or bool(below.group(1)) != bool(below.group(4)):
            return None
        letter = below.group(2) or below.group(3)
        variable = rf"\{below.group(1)}{{{letter}}}" if below.group(1) else letter
        value = self.sum(inside[0], inside[1])
        if value.shape == "matrix" or value.size is not None:
            raise Unreadable(f"the derivative of a {value.shape} by a vector is not read", pos)
        if value.shape == "scalar":
            return _Value(
                True,
                False,
                lambda a, b: (
                    rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}}"
                    rf" \left({value.entry(a, a)}\right)"
                ),
            ), below.end()
        flip = self.layout.startswith("denominator")  # row: the variable

        def entry(a: str, b: str) -> str:
            function, by = (b, a) if flip else (a, b)
            return (
                rf"\frac{{\partial}}{{\partial {variable}_{{{by}}}}}"
                rf" \left({value.entry(function, function)}\right)"
            )

        return _Value(True, True, entry), below.end()

    def _called(self, pos: int, end: int) -> tuple[int, int, int] | None:
        """``\\frac{\\partial \\mathrm{softmax}(\\mathbf{z})}{…}`` (and ``\\sigma(\\mathbf{z})``
        where σ is the document's softmax): the call above the bar, a vector, as (its start,
        its end, its end)."""
        opened = _OPENED_CALL.match(self.text, pos, end)
        if opened is None:
            return None
        call = vector_call(self.text, opened.end(), end)
        if call is None and SOFTMAX_SIGMA.get():
            sigma = _SIGMA.match(self.text, opened.end(), end)
            close = matching(self.text, sigma.end()) if sigma else -1
            if sigma and sigma.end() < close <= end and _marked(self.text[sigma.end() : close]):
                call = ("softmax", sigma.end(), close)
        if call is None or call[0] != "softmax":
            return None
        return opened.end(), call[2], call[2]


__all__ = ["_GroupDerivatives"]
