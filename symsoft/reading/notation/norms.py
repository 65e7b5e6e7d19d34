"""Norms and Frobenius products in vector notation: ``\\|\\mathbf{w}\\|^2`` and ``A : B``, read
as sums of entries (a mixin of the vector translation)."""

from __future__ import annotations

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.atoms import _matching, _scalar
from symsoft.reading.notation.written_out import _Value

SHAPES = "sizes do not match"  # in every message about a reading whose shapes do not fit
# a norm's bars (\|, \lVert … \rVert, \left\| … \right\|, ||): rewritten as a marked brace group
_BARS = lazy(
    r"\\left\s*(?:\\\||\\lVert)|\\right\s*(?:\\\||\\rVert)|\\[lr]Vert(?![a-zA-Z])|\\\||\|\|"
)
NORM = "\ue010"  # a private-use character: the mark before a norm's brace group
_SQUARED = lazy(r"\s*(?:_\s*(?:\{\s*2\s*\}|2)\s*)?\^\s*(?:\{\s*2\s*\}|2)(?![0-9])")


class _Norms:
    """What the translation reads of norms and ``:`` (its ``text``, ``sum``, ``product``,
    ``fresh`` and ``_top_level`` come from the translation)."""

    def _colon(self, start: int, end: int) -> int | None:
        """Where ``text[start:end]`` writes ``:`` outside groups (the Frobenius product)."""
        return next((pos for pos, char in self._top_level(start, end) if char == ":"), None)

    def _frobenius(self, start: int, colon: int, end: int) -> _Value:
        """``A : B``, the sum of the entrywise products of two vectors (matrices) of one shape."""
        if self._colon(colon + 1, end) is not None:
            raise Unreadable("two Frobenius products ':' in one term", colon)
        left, right = self.product(start, colon), self.product(colon + 1, end)
        if (left.rows, left.columns) != (right.rows, right.columns) or left.shape == "scalar":
            raise Unreadable(f"a {left.shape} : a {right.shape}: {SHAPES}", colon)
        if left.size is not None or right.size is not None:
            raise Unreadable("':' of a matrix written out is not read", colon)
        k = self.fresh()
        if left.shape != "matrix":
            return _scalar(rf"\left(\sum_{{{k}}} ({left.entry(k, k)}) ({right.entry(k, k)})\right)")
        m = self.fresh()
        return _scalar(
            rf"\left(\sum_{{{k}}} \sum_{{{m}}} ({left.entry(k, m)}) ({right.entry(k, m)})\right)"
        )

    def _norm(self, pos: int, end: int) -> tuple[_Value, int]:
        """``\\|\\mathbf{w}\\|^2`` (``_2^2``): the sum of the squares of a vector's entries;
        a norm not squared, or of a matrix, is not read."""
        close = _matching(self.text, pos + 1)
        squared = _SQUARED.match(self.text, close) if 0 < close <= end else None
        if squared is None or squared.end() > end:
            raise Unreadable("a norm that is not squared is not read", pos)
        inner = self.sum(pos + 2, close - 1)
        if inner.shape not in ("vector", "row vector") or inner.size is not None:
            raise Unreadable(f"the norm of a {inner.shape} is not read", pos)
        k = self.fresh()
        return _scalar(rf"\left(\sum_{{{k}}} ({inner.entry(k, k)})^{{2}}\right)"), squared.end()


def _norm_groups(text: str) -> str:
    """``text`` with each norm's bars written as a brace group after the mark ``NORM`` (same
    length): ``\\|w\\|^2`` is ``NORM{w} ^2``, a group that a sum's terms do not cut."""
    out, pos, opened = [], 0, False
    for bar in _BARS.finditer(text):
        written = bar.group()
        opening = (
            written.startswith("\\left")
            or "lVert" in written
            or (not written.startswith("\\right") and "rVert" not in written and not opened)
        )
        if opening == opened:
            return text  # bars that do not pair: left as written (not read)
        out.append(text[pos : bar.start()])
        out.append((NORM + "{" if opening else "}").ljust(len(written)))
        opened, pos = opening, bar.end()
    return text if opened else "".join(out) + text[pos:]
